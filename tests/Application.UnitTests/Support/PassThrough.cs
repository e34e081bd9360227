using Mediator;

namespace RyzeApi.Application.UnitTests.Support;

/// <summary>What a behaviour owes a request it does not act on: the continuation runs once, with the
/// caller's own token, and its answer comes back unchanged.</summary>
public static class PassThrough
{
    public static async Task AssertAsync(IPipelineBehavior<TestRequest, string> behaviour, TestRequest request)
    {
        using var caller = new CancellationTokenSource();
        var next = RecordingNext<string>.Returning("pong");

        var response = await behaviour.Handle(request, next.Delegate, caller.Token);

        Assert.Multiple(() =>
        {
            Assert.That(response, Is.EqualTo("pong"));
            Assert.That(next.Calls, Is.EqualTo(1));
            Assert.That(next.ReceivedToken, Is.EqualTo(caller.Token));
        });
    }
}
