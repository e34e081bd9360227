using Microsoft.Extensions.Time.Testing;
using RyzeApi.Application.Common.Behaviours;

namespace RyzeApi.Application.UnitTests.Common.Behaviours;

[TestFixture]
public sealed class TimeoutBehaviourTests
{
    private static readonly TimeSpan s_short = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan s_long = TimeSpan.FromHours(1);
    private static readonly TimeSpan s_guard = TimeSpan.FromSeconds(10);
    private readonly TestRequest _request = new("ping");
    private readonly Mock<IRequestTimeoutPolicy> _policy = new(MockBehavior.Strict);
    private readonly FakeTimeProvider _clock = new(TestData.Now);

    [Test]
    public async Task Handle_PolicyReturnsNull_PassesCallerTokenThroughUntouched()
    {
        // Arrange
        _policy.Setup(p => p.TimeoutFor(_request)).Returns((TimeSpan?)null);

        // Act
        // Assert
        await PassThrough.AssertAsync(Behaviour(), _request);
        _policy.Verify(p => p.TimeoutFor(_request), Times.Once);
    }

    [Test]
    public async Task Handle_WithTimeout_NextReceivesTokenLinkedToCaller()
    {
        // Arrange
        _policy.Setup(p => p.TimeoutFor(_request)).Returns(s_long);
        using var caller = new CancellationTokenSource();
        var cancelledBeforeCaller = true;
        var cancelledAfterCaller = false;
        var next = new RecordingNext<string>(async (_, token) =>
        {
            cancelledBeforeCaller = token.IsCancellationRequested;
            await caller.CancelAsync();
            cancelledAfterCaller = token.IsCancellationRequested;
            return "pong";
        });

        // Act
        var response = await Behaviour().Handle(_request, next.Delegate, caller.Token);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(response, Is.EqualTo("pong"));
            Assert.That(next.ReceivedToken, Is.Not.EqualTo(caller.Token));
            Assert.That(next.ReceivedToken.CanBeCanceled, Is.True);
            Assert.That(cancelledBeforeCaller, Is.False);
            Assert.That(cancelledAfterCaller, Is.True);
        });
    }

    [Test]
    public void Handle_OurTimerFires_ThrowsRequestTimeoutException()
    {
        // Arrange
        _policy.Setup(p => p.TimeoutFor(_request)).Returns(s_short);
        var next = new RecordingNext<string>(async (_, token) =>
        {
            _clock.Advance(s_short);
            await Task.Delay(Timeout.InfiniteTimeSpan, token).WaitAsync(s_guard);
            return "never";
        });

        // Act
        var exception = Assert.ThrowsAsync<RequestTimeoutException>(
            async () => await Behaviour().Handle(_request, next.Delegate, CancellationToken.None));

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(exception.Message, Is.EqualTo("TestRequest did not complete within 0.05 s"));
            Assert.That(exception.Timeout, Is.EqualTo(s_short));
            Assert.That(exception.InnerException, Is.InstanceOf<OperationCanceledException>());
            Assert.That(next.Calls, Is.EqualTo(1));
            Assert.That(next.ReceivedToken.IsCancellationRequested, Is.True);
        });
    }

    [Test]
    public async Task Handle_NextRunsJustUnderTheLimit_IsNotCancelled()
    {
        // Arrange
        _policy.Setup(p => p.TimeoutFor(_request)).Returns(s_short);
        var cancelled = true;
        var next = new RecordingNext<string>((_, token) =>
        {
            _clock.Advance(s_short - TimeSpan.FromTicks(1));
            cancelled = token.IsCancellationRequested;
            return ValueTask.FromResult("pong");
        });

        // Act
        var response = await Behaviour().Handle(_request, next.Delegate, CancellationToken.None);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(response, Is.EqualTo("pong"));
            Assert.That(cancelled, Is.False);
        });
    }

    [Test]
    public void Handle_CallerCancels_PropagatesOperationCanceledNotTimeout()
    {
        // Arrange
        _policy.Setup(p => p.TimeoutFor(_request)).Returns(s_long);
        using var caller = new CancellationTokenSource();
        var next = new RecordingNext<string>(async (_, token) =>
        {
            await caller.CancelAsync();
            token.ThrowIfCancellationRequested();
            return "never";
        });

        // Act
        var exception = Assert.CatchAsync<OperationCanceledException>(
            async () => await Behaviour().Handle(_request, next.Delegate, caller.Token));

        // Assert
        Assert.That(exception, Is.Not.Null);
        Assert.That(exception.CancellationToken, Is.EqualTo(next.ReceivedToken));
    }

    [Test]
    public void Handle_TimerFiredButCallerAlsoCancelled_PropagatesOperationCanceled()
    {
        // Arrange
        _policy.Setup(p => p.TimeoutFor(_request)).Returns(TimeSpan.FromMilliseconds(1));
        using var caller = new CancellationTokenSource();
        var next = new RecordingNext<string>(async (_, token) =>
        {
            _clock.Advance(TimeSpan.FromMilliseconds(1));
            await WhenCancelled(token);
            await caller.CancelAsync();
            token.ThrowIfCancellationRequested();
            return "never";
        });

        // Act
        var exception = Assert.CatchAsync(async () => await Behaviour().Handle(_request, next.Delegate, caller.Token));

        // Assert
        Assert.That(exception, Is.InstanceOf<OperationCanceledException>());
    }

    [Test]
    public void Handle_TimerFiresAndNextClassifiesIt_PassesTheClassifiedExceptionThrough()
    {
        // Arrange
        _policy.Setup(p => p.TimeoutFor(_request)).Returns(TimeSpan.FromMilliseconds(1));
        var classified = new UpstreamUnavailableException("Chatwoot is unreachable");
        var next = new RecordingNext<string>(async (_, token) =>
        {
            _clock.Advance(TimeSpan.FromMilliseconds(1));
            await WhenCancelled(token);
            throw classified;
        });

        // Act
        var exception = Assert.CatchAsync(async () => await Behaviour().Handle(_request, next.Delegate, CancellationToken.None));

        // Assert
        Assert.That(exception, Is.SameAs(classified));
    }

    [Test]
    public async Task Handle_NextCompletesInTime_ReturnsItsResponse()
    {
        // Arrange
        _policy.Setup(p => p.TimeoutFor(_request)).Returns(s_long);
        var next = RecordingNext<string>.Returning("pong");

        // Act
        var response = await Behaviour().Handle(_request, next.Delegate, CancellationToken.None);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(response, Is.EqualTo("pong"));
            Assert.That(next.Calls, Is.EqualTo(1));
        });
    }

    private static Task WhenCancelled(CancellationToken token)
    {
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        token.Register(() => cancelled.TrySetResult());
        return cancelled.Task.WaitAsync(s_guard);
    }

    private TimeoutBehaviour<TestRequest, string> Behaviour() => new(_policy.Object, _clock);
}
