using Microsoft.Extensions.Logging;
using RyzeApi.Application.Common.Behaviours;

namespace RyzeApi.Application.UnitTests.Common.Behaviours;

[TestFixture]
public sealed class LoggingBehaviourTests
{
    private readonly TestRequest _request = new("ping");
    private readonly Mock<ILogger<LoggingBehaviour<TestRequest, string>>> _logger = new();

    [Test]
    public async Task Handle_NextSucceeds_ReturnsNextsResponseWithCallerToken()
    {
        // Arrange
        // (any request)

        // Act
        // Assert
        await PassThrough.AssertAsync(Behaviour(), _request);
    }

    [Test]
    public async Task Handle_FastRequest_LogsEntryAndExitAtDebugOnly()
    {
        // Arrange
        var next = RecordingNext<string>.Returning("pong");

        // Act
        await Behaviour().Handle(_request, next.Delegate, CancellationToken.None);

        // Assert
        _logger.VerifyLog(LogLevel.Debug, "Handling TestRequest", null, Times.Once());
        _logger.VerifyLog(LogLevel.Debug, Times.Exactly(2));
        _logger.VerifyNoLogAbove(LogLevel.Debug);
    }

    [Test]
    public void Handle_NextThrows_PropagatesTheSameException()
    {
        // Arrange
        var failure = new InvalidOperationException("bug");
        var next = RecordingNext<string>.Throwing(failure);

        // Act
        var thrown = Assert.CatchAsync(async () => await Behaviour().Handle(_request, next.Delegate, CancellationToken.None));

        // Assert
        Assert.That(thrown, Is.SameAs(failure));
    }

    [TestCaseSource(nameof(Refusals))]
    public void Handle_NextRefusesTheRequest_LogsNothingAboveDebug(Exception refusal)
    {
        // Arrange: the host logs the answer once, with its status; a line here would be a second one.
        var next = RecordingNext<string>.Throwing(refusal);

        // Act
        Assert.CatchAsync(async () => await Behaviour().Handle(_request, next.Delegate, CancellationToken.None));

        // Assert
        _logger.VerifyNoLogAbove(LogLevel.Debug);
    }

    private static IEnumerable<TestCaseData> Refusals()
    {
        yield return new TestCaseData(new ValidationException(["name is required"])).SetArgDisplayNames("Validation");
        yield return new TestCaseData(new NotFoundException("instance not found")).SetArgDisplayNames("NotFound");
        yield return new TestCaseData(new ModuleNotConfiguredException()).SetArgDisplayNames("ModuleNotConfigured");
        yield return new TestCaseData(new InvalidOperationException("bug")).SetArgDisplayNames("Fault");
    }

    private LoggingBehaviour<TestRequest, string> Behaviour() => new(_logger.Object);
}
