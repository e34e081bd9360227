using Microsoft.Extensions.Logging;
using Moq;
using NUnit.Framework;
using RyzeApi.Application.Common.Behaviours;
using RyzeApi.Application.Common.Exceptions;
using RyzeApi.Application.UnitTests.Support;

namespace RyzeApi.Application.UnitTests.Common.Behaviours;

[TestFixture]
public sealed class UnhandledExceptionBehaviourTests
{
    private readonly TestRequest _request = new("ping");
    private readonly Mock<ILogger<UnhandledExceptionBehaviour<TestRequest, string>>> _logger = new();

    private static IEnumerable<TestCaseData> ClassifiedExceptions()
    {
        yield return new TestCaseData(new ValidationException(["name is required"])).SetArgDisplayNames("Validation");
        yield return new TestCaseData(new NotFoundException("instance not found")).SetArgDisplayNames("NotFound");
        yield return new TestCaseData(new UnauthorizedException("invalid webhook signature: X-Chatwoot-Signature does not match the body"))
            .SetArgDisplayNames("Unauthorized");
        yield return new TestCaseData(new ConflictException("Instance name already exists")).SetArgDisplayNames("Conflict");
        yield return new TestCaseData(new RequestTimeoutException("X", TimeSpan.FromSeconds(1))).SetArgDisplayNames("Timeout");
        yield return new TestCaseData(new UpstreamRejectedException(UpstreamFailureKind.AccessDenied, "denied", 403)).SetArgDisplayNames("Rejected");
        yield return new TestCaseData(new UpstreamUnavailableException("down")).SetArgDisplayNames("Unavailable");
        yield return new TestCaseData(new PersistenceFailedException("persist")).SetArgDisplayNames("Persistence");
    }

    [Test]
    public async Task Handle_NextSucceeds_ReturnsResponseAndLogsNothing()
    {
        // Arrange
        var next = RecordingNext<string>.Returning("pong");

        // Act
        var response = await Behaviour().Handle(_request, next.Delegate, CancellationToken.None);

        // Assert
        Assert.That(response, Is.EqualTo("pong"));
        _logger.VerifyNoLogAbove(LogLevel.Trace);
    }

    [TestCaseSource(nameof(ClassifiedExceptions))]
    public void Handle_ClassifiedException_RethrowsSameInstanceAndLogsWarning(Exception failure)
    {
        // Arrange
        var next = RecordingNext<string>.Throwing(failure);

        // Act
        var thrown = Assert.CatchAsync(async () => await Behaviour().Handle(_request, next.Delegate, CancellationToken.None));

        // Assert
        Assert.That(thrown, Is.SameAs(failure));
        _logger.VerifyLog(
            LogLevel.Warning, $"TestRequest failed: {failure.GetType().Name}: {failure.Message}", null, Times.Once());
        _logger.VerifyLog(LogLevel.Error, Times.Never());
    }

    [Test]
    public void Handle_UnclassifiedException_RethrowsSameInstanceAndLogsErrorWithException()
    {
        // Arrange
        var failure = new InvalidOperationException("bug");
        var next = RecordingNext<string>.Throwing(failure);

        // Act
        var thrown = Assert.CatchAsync(async () => await Behaviour().Handle(_request, next.Delegate, CancellationToken.None));

        // Assert
        Assert.That(thrown, Is.SameAs(failure));
        _logger.VerifyLog(LogLevel.Error, "TestRequest failed unexpectedly", failure, Times.Once());
        _logger.VerifyLog(LogLevel.Warning, Times.Never());
    }

    [Test]
    public void Handle_OperationCanceled_RethrowsWithoutLogging()
    {
        // Arrange
        var failure = new OperationCanceledException();
        var next = RecordingNext<string>.Throwing(failure);

        // Act
        var thrown = Assert.CatchAsync(async () => await Behaviour().Handle(_request, next.Delegate, CancellationToken.None));

        // Assert
        Assert.That(thrown, Is.SameAs(failure));
        _logger.VerifyNoLogAbove(LogLevel.Trace);
    }

    private UnhandledExceptionBehaviour<TestRequest, string> Behaviour() => new(_logger.Object);
}
