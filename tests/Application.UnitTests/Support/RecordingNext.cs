using Mediator;

namespace RyzeApi.Application.UnitTests.Support;

/// <summary>A hand-written pipeline continuation that records whether it ran and which token it got.</summary>
public sealed class RecordingNext<TResponse>(Func<TestRequest, CancellationToken, ValueTask<TResponse>> body)
{
    public int Calls { get; private set; }

    public CancellationToken ReceivedToken { get; private set; }

    public MessageHandlerDelegate<TestRequest, TResponse> Delegate => (message, cancellationToken) =>
    {
        Calls++;
        ReceivedToken = cancellationToken;
        return body(message, cancellationToken);
    };

    public static RecordingNext<TResponse> Returning(TResponse response) => new((_, _) => ValueTask.FromResult(response));

    public static RecordingNext<TResponse> Throwing(Exception exception) => new((_, _) => ValueTask.FromException<TResponse>(exception));
}
