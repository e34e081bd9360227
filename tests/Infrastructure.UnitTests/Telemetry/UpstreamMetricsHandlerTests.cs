using Polly.CircuitBreaker;
using Polly.Timeout;
using RyzeApi.Application.Common.Telemetry;
using RyzeApi.Infrastructure.Upstream;

namespace RyzeApi.Infrastructure.UnitTests.Telemetry;

/// <summary>A call without an answer is labelled by why (a fixed set), and the operation label is the Refit method's
/// name in snake case, never the URL.</summary>
public sealed class UpstreamMetricsHandlerTests
{
    [Test]
    public void Outcome_OfEachFailureWithoutAnAnswer()
    {
        // Arrange
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        // Act
        var outcomes = new[]
        {
            UpstreamMetricsHandler.OutcomeOf(new TimeoutRejectedException(), CancellationToken.None),
            UpstreamMetricsHandler.OutcomeOf(new TaskCanceledException("HttpClient.Timeout"), CancellationToken.None),
            UpstreamMetricsHandler.OutcomeOf(new BrokenCircuitException(), CancellationToken.None),
            UpstreamMetricsHandler.OutcomeOf(new HttpRequestException("Connection refused"), CancellationToken.None),
            UpstreamMetricsHandler.OutcomeOf(new OperationCanceledException(cancelled.Token), cancelled.Token),
        };

        // Assert
        Assert.That(outcomes, Is.EqualTo(new[]
        {
            CallOutcomes.Timeout, CallOutcomes.Timeout, CallOutcomes.CircuitOpen, CallOutcomes.NetworkError, CallOutcomes.Cancelled,
        }));
    }

    [TestCase("CreateMessage", "create_message")]
    [TestCase("CreateMessageWithAttachments", "create_message_with_attachments")]
    [TestCase("SendText", "send_text")]
    [TestCase("GetAccount", "get_account")]
    public void Operation_IsTheMethodNameInSnakeCase(string method, string expected) =>
        Assert.That(UpstreamMetricsHandler.SnakeCase(method), Is.EqualTo(expected));

    [TestCase(200, CallOutcomes.Success)]
    [TestCase(404, CallOutcomes.ClientError)]
    [TestCase(429, CallOutcomes.RateLimited)]
    [TestCase(502, CallOutcomes.ServerError)]
    public void Outcome_OfAnAnswer_IsItsStatusClass(int status, string expected) =>
        Assert.That(CallOutcomes.FromStatus(status), Is.EqualTo(expected));
}
