using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using RyzeApi.Application.Common.Exceptions;
using RyzeApi.WebApi.Errors;

namespace RyzeApi.WebApi.FunctionalTests.Platform;

/// <summary>docs/adr/0023-one-failure-model.md: every failure of the application is an <see cref="ApplicationFailure"/>
/// with a kind, and every kind has one status, one log level and one rule for the message the caller sees. A refused
/// request is never logged as a fault with a stack trace; a fault always is.</summary>
public sealed class ExceptionMappingTests
{
    private const string Internal = FailureAnswers.InternalErrorMessage;

    private static readonly (ApplicationFailure Failure, FailureKind Kind, int Status, LogLevel Level, string Message)[] s_table =
    [
        (new ValidationException(["name is required"]), FailureKind.Validation, 400, LogLevel.Information, "invalid body: name is required"),
        (new NotFoundException("instance not found"), FailureKind.NotFound, 404, LogLevel.Information, "instance not found"),
        (new UnauthorizedException("invalid webhook signature"), FailureKind.Unauthenticated, 401, LogLevel.Warning, "invalid webhook signature"),
        (new ConflictException("Instance name already exists"), FailureKind.Conflict, 409, LogLevel.Information, "Instance name already exists"),
        (new UpstreamRejectedException(UpstreamFailureKind.CredentialsRejected, "rejected"), FailureKind.UpstreamCredentialsRejected, 401, LogLevel.Warning, "rejected"),
        (new UpstreamRejectedException(UpstreamFailureKind.AccessDenied, "denied"), FailureKind.UpstreamDenied, 403, LogLevel.Warning, "denied"),
        (new UpstreamRejectedException(UpstreamFailureKind.EndpointNotFound, "not found"), FailureKind.UpstreamRejected, 400, LogLevel.Information, "not found"),
        (new UpstreamRejectedException(UpstreamFailureKind.RequestInvalid, "invalid"), FailureKind.UpstreamRejected, 400, LogLevel.Information, "invalid"),
        (new UpstreamUnavailableException("unreachable"), FailureKind.UpstreamUnavailable, 502, LogLevel.Error, "unreachable"),
        (new RequestTimeoutException("X", TimeSpan.FromSeconds(1)), FailureKind.TimedOut, 504, LogLevel.Error, "request timed out: X did not complete within 1 s"),
        (new PersistenceFailedException("persist"), FailureKind.PersistenceFailed, 500, LogLevel.Error, "persist"),

        // The module switched off is the operator's choice, not a fault: Warning, without a stack trace.
        (new ModuleNotConfiguredException(), FailureKind.NotConfigured, 503, LogLevel.Warning, "integration gateway not configured"),
        (new SecretUnreadableException("key k1 is gone"), FailureKind.SecretUnreadable, 500, LogLevel.Error, FailureAnswers.SecretUnreadableMessage),

        // Raised by the outbox workers only; one reaching a request is a fault whose text stays in the log.
        (new DatabaseUnavailableException("down"), FailureKind.DatabaseUnavailable, 500, LogLevel.Error, Internal),
        (new EngineRejectedException("refused", 400), FailureKind.EngineRejected, 500, LogLevel.Error, Internal),
        (new EngineUnavailableException("down"), FailureKind.EngineUnavailable, 500, LogLevel.Error, Internal),
        (new EngineAnswerUnreadableException("no messageId"), FailureKind.EngineAnswerUnreadable, 500, LogLevel.Error, Internal),
        (new MediaUnavailableException("too big"), FailureKind.MediaUnavailable, 500, LogLevel.Error, Internal),
        (new EngineNotConnectedException("Instance is not connected to WhatsApp"), FailureKind.EngineNotConnected, 500, LogLevel.Error, Internal),
    ];

    [Test]
    public void Table_CoversEveryExceptionTypeOfTheApplication_AndEachIsAnApplicationFailure()
    {
        // Arrange
        var types = typeof(ApplicationFailure).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(ApplicationFailure).Namespace && typeof(Exception).IsAssignableFrom(t) && !t.IsAbstract)
            .ToList();

        // Assert
        Assert.That(s_table.Select(r => r.Failure.GetType()).Distinct(), Is.EquivalentTo(types));
        Assert.That(types, Has.All.Matches<Type>(t => t.IsSubclassOf(typeof(ApplicationFailure))));
    }

    [Test]
    public void Table_CoversEveryFailureKind()
    {
        Assert.That(s_table.Select(r => r.Kind).Distinct(), Is.EquivalentTo(Enum.GetValues<FailureKind>()));
    }

    [Test]
    public void EveryFailureKind_HasAnErrorStatusAndIsPlaced()
    {
        Assert.Multiple(() =>
        {
            foreach (var kind in Enum.GetValues<FailureKind>())
            {
                // A kind missing from a mapping throws here.
                var (status, _) = FailureAnswers.Of(kind);
                Assert.That(status, Is.InRange(400, 599), kind.ToString());
                Assert.That(() => kind.MessageIsForTheCaller(), Throws.Nothing, kind.ToString());
                Assert.That(() => kind.IsServerFault(), Throws.Nothing, kind.ToString());
            }
        });
    }

    [Test]
    public void EachFailure_HasItsKindStatusLevelAndMessage()
    {
        Assert.Multiple(() =>
        {
            foreach (var (failure, kind, status, level, message) in s_table)
            {
                var answer = FailureAnswers.For(failure);
                var name = failure.GetType().Name;
                Assert.That(failure.FailureKind, Is.EqualTo(kind), name);
                Assert.That(answer, Is.EqualTo(new ErrorAnswer(status, message, level)), name);
            }
        });
    }

    [Test]
    public void AFaultOfThisServer_IsLoggedAtError()
    {
        Assert.Multiple(() =>
        {
            foreach (var kind in Enum.GetValues<FailureKind>().Where(k => k.IsServerFault()))
            {
                Assert.That(FailureAnswers.Of(kind).Level, Is.EqualTo(LogLevel.Error), kind.ToString());
            }
        });
    }

    [Test]
    public void AMessageForTheLogOnly_NeverReachesTheAnswer()
    {
        Assert.Multiple(() =>
        {
            foreach (var (failure, _, _, _, _) in s_table.Where(r => !r.Failure.MessageIsForTheCaller))
            {
                Assert.That(FailureAnswers.For(failure).Message, Does.Not.Contain(failure.Message), failure.GetType().Name);
            }
        });
    }

    [Test]
    public void AnExceptionThatIsNoFailure_IsA500ThatShowsNothingOfIt()
    {
        // Act
        var answer = FailureAnswers.For(new InvalidOperationException("Npgsql: relation \"instances\" does not exist"));

        // Assert
        Assert.That(answer, Is.EqualTo(new ErrorAnswer(500, Internal, LogLevel.Error)));
    }

    [Test]
    public void ARequestKestrelCouldNotRead_KeepsItsStatus()
    {
        // Act
        var answer = FailureAnswers.For(new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge));

        // Assert
        Assert.That(answer, Is.EqualTo(new ErrorAnswer(413, "invalid request: Request body too large.", LogLevel.Information)));
    }

    [TestCase(500, LogLevel.Error)]
    [TestCase(503, LogLevel.Error)]
    [TestCase(401, LogLevel.Warning)]
    [TestCase(403, LogLevel.Warning)]
    [TestCase(429, LogLevel.Warning)]
    [TestCase(404, LogLevel.Information)]
    [TestCase(405, LogLevel.Information)]
    public void AnAnswerNoFailureExplains_IsLoggedAtItsStatusLevel(int status, LogLevel level)
    {
        Assert.That(FailureAnswers.LevelOf(status), Is.EqualTo(level));
    }
}
