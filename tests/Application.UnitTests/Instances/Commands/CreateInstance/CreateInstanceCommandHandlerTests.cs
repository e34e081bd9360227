using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using RyzeApi.Application.Common.Security;
using RyzeApi.Application.Instances.Commands.CreateInstance;

namespace RyzeApi.Application.UnitTests.Instances.Commands.CreateInstance;

[TestFixture]
public sealed class CreateInstanceCommandHandlerTests
{
    private readonly Mock<IInstanceRepository> _instances = new();
    private readonly ActivationFixture _activation = new();
    private InstanceRecord? _created;
    private byte[]? _storedHash;

    [SetUp]
    public void SetUp() => SetupCreate(CreateInstanceOutcome.Created);

    [Test]
    public async Task Handle_NoToken_GeneratesA43CharacterTokenAndStoresOnlyItsHash()
    {
        // Arrange
        var command = new CreateInstanceCommand(TestData.AccountCaller, "sales", null, null);

        // Act
        var result = await Handler().Handle(command, CancellationToken.None);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(result.Token, Has.Length.EqualTo(43));
            Assert.That(result.Token, Does.Match("^[A-Za-z0-9_-]{43}$"));
            Assert.That(_storedHash, Is.EqualTo(SecretTokens.Hash(result.Token)));
            Assert.That(result.Name, Is.EqualTo("sales"));
            Assert.That(result.CreatedAt, Is.EqualTo(TestData.Now));
            Assert.That(result.Chatwoot, Is.Null);
            Assert.That(_created!.AccountId, Is.EqualTo(TestData.AccountId));
            Assert.That(_created.Name, Is.EqualTo("sales"));
            Assert.That(_created.CreatedAt, Is.EqualTo(TestData.Now));
            Assert.That(_created.Id, Is.Not.EqualTo(Guid.Empty));
        });
        _activation.Chatwoot.VerifyNoOtherCalls();
    }

    [Test]
    public async Task Handle_CustomToken_ReturnsItAndStoresItsHash()
    {
        // Arrange
        var command = new CreateInstanceCommand(TestData.AccountCaller, "sales", "my-own-token-0123456789", null);

        // Act
        var result = await Handler().Handle(command, CancellationToken.None);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(result.Token, Is.EqualTo("my-own-token-0123456789"));
            Assert.That(_storedHash, Is.EqualTo(SecretTokens.Hash("my-own-token-0123456789")));
        });
    }

    [TestCase(CreateInstanceOutcome.NameTaken, "Instance name already exists")]
    [TestCase(CreateInstanceOutcome.TokenTaken, "token is already in use - choose another token or omit it to get a generated one")]
    public void Handle_NotCreated_ThrowsConflictWithoutActivating(CreateInstanceOutcome outcome, string message)
    {
        // Arrange
        SetupCreate(outcome);
        var command = new CreateInstanceCommand(TestData.AccountCaller, "sales", null, TestData.Fields());

        // Act
        var thrown = Assert.ThrowsAsync<ConflictException>(async () => await Handler().Handle(command, CancellationToken.None));

        // Assert
        Assert.That(thrown.Message, Is.EqualTo(message));
        _activation.Chatwoot.VerifyNoOtherCalls();
    }

    [Test]
    public async Task Handle_InlineActivationSucceeds_ReturnsActiveOutcome()
    {
        // Arrange
        var fields = TestData.Fields();
        var command = new CreateInstanceCommand(TestData.AccountCaller, "sales", null, fields);

        // Act
        var result = await Handler().Handle(command, CancellationToken.None);

        // Assert: the activator itself created the inbox and stored the integration of the new instance.
        var stored = _activation.Stored!.Integration;
        Assert.That(result.Chatwoot, Is.EqualTo(new InlineActivationOutcome("active", stored.Id, null)));
        Assert.That(stored.InstanceId, Is.EqualTo(_created!.Id));
        _activation.Chatwoot.Verify(
            c => c.CreateApiInboxAsync(It.IsAny<ChatwootConnection>(), "RyzeAPI", It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Handle_InlineActivationSlowerThanTheActivationTimeout_ReportsTheTimeout()
    {
        // Arrange: the inline activation has activation's own time limit, without the mediator's behaviour.
        var clock = new FakeTimeProvider(TestData.Now);
        var creating = new TaskCompletionSource();
        _activation.Chatwoot
            .Setup(c => c.CreateApiInboxAsync(It.IsAny<ChatwootConnection>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Returns(async (ChatwootConnection _, string _, string _, CancellationToken token) =>
            {
                creating.SetResult();
                await Task.Delay(Timeout.Infinite, token);
                return _activation.Inbox;
            });
        var command = new CreateInstanceCommand(TestData.AccountCaller, "sales", null, TestData.Fields());

        // Act: Chatwoot is still creating the inbox when the 60 s pass.
        var handling = Handler(clock: clock).Handle(command, CancellationToken.None).AsTask();
        await creating.Task;
        clock.Advance(TimeSpan.FromSeconds(60));
        var result = await handling.WaitAsync(TimeSpan.FromSeconds(10)); // a handler without the limit would wait forever

        // Assert
        Assert.That(result.Chatwoot, Is.EqualTo(new InlineActivationOutcome("error", null, "inline Chatwoot activation did not complete within 60 s")));
        Assert.That(result.Token, Is.Not.Empty);
    }

    [Test]
    public async Task Handle_InlineActivationFails_CreatesInstanceAndReportsError()
    {
        // Arrange
        const string message = "Chatwoot is unreachable at https://chatwoot.example.com - verify chatwootBaseUrl and that the host is reachable from the server. Detail: x";
        InboxCreationThrows(new UpstreamUnavailableException(message));
        var command = new CreateInstanceCommand(TestData.AccountCaller, "sales", null, TestData.Fields());

        // Act
        var result = await Handler().Handle(command, CancellationToken.None);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(result.Name, Is.EqualTo("sales"));
            Assert.That(result.Chatwoot, Is.EqualTo(new InlineActivationOutcome("error", null, message)));
            Assert.That(result.Chatwoot!.Status, Is.EqualTo("error"));
        });
        _instances.Verify(r => r.CreateAsync(It.IsAny<InstanceRecord>(), It.IsAny<byte[]>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Handle_InlineActivationWhileModuleNotConfigured_CreatesInstanceAndReportsTheGateMessage()
    {
        // Arrange
        _activation.Module.SetupGet(m => m.IsConfigured).Returns(false);
        var command = new CreateInstanceCommand(TestData.AccountCaller, "sales", null, TestData.Fields());

        // Act
        var result = await Handler().Handle(command, CancellationToken.None);

        // Assert
        Assert.That(result.Chatwoot, Is.EqualTo(new InlineActivationOutcome("error", null, "integration gateway not configured")));
        Assert.That(result.Token, Is.Not.Empty);
    }

    [Test]
    public async Task Handle_InlineActivationFailsUnexpectedly_StillReturnsTheTokenWithAGenericError()
    {
        // Arrange
        InboxCreationThrows(new InvalidOperationException("a bug with internals"));
        var command = new CreateInstanceCommand(TestData.AccountCaller, "sales", "my-own-token-0123456789", TestData.Fields());

        // Act
        var result = await Handler().Handle(command, CancellationToken.None);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(result.Token, Is.EqualTo("my-own-token-0123456789"));
            Assert.That(result.Chatwoot, Is.EqualTo(new InlineActivationOutcome("error", null, CreateInstanceCommandHandler.InlineInternalError)));
            Assert.That(result.Chatwoot!.Error, Does.Not.Contain("internals"));
        });
    }

    [Test]
    public async Task Handle_InlineActivationFailsWithAMessageForTheLogOnly_ReportsTheGenericErrorAndLogsTheFault()
    {
        // Arrange: a known failure whose message names internals (a key id) is a fault here, not a refusal.
        var failure = new SecretUnreadableException("No encryption key with id k-7f3a is configured");
        InboxCreationThrows(failure);
        var logger = new Mock<ILogger<CreateInstanceCommandHandler>>();
        var command = new CreateInstanceCommand(TestData.AccountCaller, "sales", null, TestData.Fields());

        // Act
        var result = await Handler(logger.Object).Handle(command, CancellationToken.None);

        // Assert
        Assert.That(result.Chatwoot, Is.EqualTo(new InlineActivationOutcome("error", null, CreateInstanceCommandHandler.InlineInternalError)));
        logger.VerifyLog(LogLevel.Error, "Inline Chatwoot activation of instance sales failed unexpectedly", failure, Times.Once());
    }

    private void SetupCreate(CreateInstanceOutcome outcome) =>
        _instances
            .Setup(r => r.CreateAsync(It.IsAny<InstanceRecord>(), It.IsAny<byte[]>(), It.IsAny<CancellationToken>()))
            .Callback((InstanceRecord instance, byte[] hash, CancellationToken _) =>
            {
                _created = instance;
                _storedHash = hash;
            })
            .ReturnsAsync(outcome);

    [Test]
    public async Task Handle_InlineActivationWhileModuleNotConfigured_LogsOneInformationLineWithoutException()
    {
        // Arrange
        _activation.Module.SetupGet(m => m.IsConfigured).Returns(false);
        var logger = new Mock<ILogger<CreateInstanceCommandHandler>>();
        var command = new CreateInstanceCommand(TestData.AccountCaller, "sales", null, TestData.Fields());

        // Act
        await Handler(logger.Object).Handle(command, CancellationToken.None);

        // Assert: the refusal is the 201's chatwoot.error, not a fault; no Error, no stack trace.
        logger.VerifyLog(
            LogLevel.Information, "Inline Chatwoot activation of instance sales failed: integration gateway not configured", null, Times.Once());
        logger.VerifyNoLogAbove(LogLevel.Information);
        logger.Verify(
            l => l.Log(It.IsAny<LogLevel>(), It.IsAny<EventId>(), It.IsAny<It.IsAnyType>(), It.IsAny<Exception?>(), It.IsAny<Func<It.IsAnyType, Exception?, string>>()),
            Times.Once());
    }

    private void InboxCreationThrows(Exception exception) =>
        _activation.Chatwoot
            .Setup(c => c.CreateApiInboxAsync(It.IsAny<ChatwootConnection>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(exception);

    private CreateInstanceCommandHandler Handler(ILogger<CreateInstanceCommandHandler>? logger = null, TimeProvider? clock = null) => new(
        _instances.Object,
        _activation.Activator(),
        _activation.Module.Object,
        Options.Create(new ChatwootModuleOptions { ActivationTimeout = TimeSpan.FromSeconds(60) }),
        clock ?? new FixedTimeProvider(TestData.Now),
        logger ?? NullLogger<CreateInstanceCommandHandler>.Instance);
}
