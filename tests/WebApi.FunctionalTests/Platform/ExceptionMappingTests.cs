using Microsoft.Extensions.Logging;
using RyzeApi.Application.Common.Exceptions;
using RyzeApi.WebApi.Errors;
using RyzeApi.WebApi.Hosting;

namespace RyzeApi.WebApi.FunctionalTests.Platform;

/// <summary>Every exception type of the application has a status, and the log level follows from it: a refused
/// request (4xx) is never logged as a failure with a stack trace, a 5xx always is.</summary>
public sealed class ExceptionMappingTests
{
    private static readonly (Exception Exception, int Status, LogLevel Level)[] s_table =
    [
        (new ValidationException(["name is required"]), 400, LogLevel.Information),
        (new NotFoundException("instance not found"), 404, LogLevel.Information),
        (new UnauthorizedException("invalid webhook signature: …"), 401, LogLevel.Warning),
        (new ConflictException("Instance name already exists"), 409, LogLevel.Information),
        (new UpstreamRejectedException(UpstreamFailureKind.CredentialsRejected, "rejected"), 401, LogLevel.Warning),
        (new UpstreamRejectedException(UpstreamFailureKind.AccessDenied, "denied"), 403, LogLevel.Warning),
        (new UpstreamRejectedException(UpstreamFailureKind.EndpointNotFound, "not found"), 400, LogLevel.Information),
        (new UpstreamUnavailableException("unreachable"), 502, LogLevel.Error),
        (new RequestTimeoutException("X", TimeSpan.FromSeconds(1)), 504, LogLevel.Error),
        (new PersistenceFailedException("persist"), 500, LogLevel.Error),
        (new ModuleNotConfiguredException(), 503, LogLevel.Error),
        (new SecretUnreadableException("unreadable"), 500, LogLevel.Error),
        // Raised by the outbox workers only; one reaching a request would be a fault.
        (new DatabaseUnavailableException("down"), 500, LogLevel.Error),
        (new EngineRejectedException("refused", 400), 500, LogLevel.Error),
        (new EngineUnavailableException("down"), 500, LogLevel.Error),
        (new EngineAnswerUnreadableException("no messageId"), 500, LogLevel.Error),
        (new MediaUnavailableException("too big"), 500, LogLevel.Error),
    ];

    [Test]
    public void Table_CoversEveryExceptionTypeOfTheApplication()
    {
        // Arrange
        var types = typeof(ValidationException).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(ValidationException).Namespace && typeof(Exception).IsAssignableFrom(t));

        // Assert
        Assert.That(s_table.Select(r => r.Exception.GetType()).Distinct(), Is.EquivalentTo(types));
    }

    [Test]
    public void EachException_HasItsStatusAndLogLevel()
    {
        Assert.Multiple(() =>
        {
            foreach (var (exception, status, level) in s_table)
            {
                var (mapped, _) = EnvelopeExceptionHandler.Map(exception);
                Assert.That(mapped, Is.EqualTo(status), exception.GetType().Name);
                Assert.That(RequestOutcomeLogging.LevelOf(mapped), Is.EqualTo(level), exception.GetType().Name);
            }
        });
    }
}
