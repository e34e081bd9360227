using System.Text;
using Microsoft.Extensions.Time.Testing;
using RyzeApi.Application.Chatwoot;
using RyzeApi.Application.Chatwoot.Commands.ActivateChatwoot;
using RyzeApi.Application.Common;

namespace RyzeApi.Application.UnitTests.Support;

/// <summary>The collaborators of an activation, as mocks that record what they were given. The token
/// protector's fake ciphertext is "associated data|plaintext", so tests can tell what was protected how.</summary>
public sealed class ActivationFixture
{
    public const string PublicBaseUrl = "https://ryze.example.com";

    public ActivationFixture()
    {
        Module.SetupGet(m => m.IsConfigured).Returns(true);
        Instances.Setup(r => r.FindByNameAsync(TestData.Instance.Name, It.IsAny<CancellationToken>())).ReturnsAsync(TestData.Instance);
        Protector.Setup(p => p.Protect(It.IsAny<string>(), It.IsAny<string>())).Returns((string plaintext, string ad) => Protected(plaintext, ad));
        Chatwoot
            .Setup(c => c.CreateApiInboxAsync(It.IsAny<ChatwootConnection>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Callback((ChatwootConnection _, string _, string webhookUrl, CancellationToken _) => WebhookUrl = webhookUrl)
            .ReturnsAsync(() => Inbox);
        Integrations
            .Setup(r => r.ReplaceAsync(It.IsAny<NewChatwootIntegration>(), It.IsAny<IdempotencyCompletion?>(), It.IsAny<CancellationToken>()))
            .Callback((NewChatwootIntegration row, IdempotencyCompletion? completion, CancellationToken _) =>
            {
                Stored = row;
                Completion = completion;
            })
            .Returns(Task.CompletedTask);
    }

    public Mock<IChatwootClient> Chatwoot { get; } = new();

    public Mock<IChatwootIntegrationRepository> Integrations { get; } = new();

    public Mock<ITokenProtector> Protector { get; } = new();

    public Mock<IIdempotencyStore> Idempotency { get; } = new();

    public Mock<IInstanceRepository> Instances { get; } = new();

    public Mock<IChatwootModuleStatus> Module { get; } = new();

    /// <summary>The activator's clock: reads <see cref="TestData.Now"/>, and its timers (the cleanup's own limit)
    /// fire only when a test advances it.</summary>
    public FakeTimeProvider Clock { get; } = new(TestData.Now);

    /// <summary>What Chatwoot answers to the inbox creation.</summary>
    public ChatwootInbox Inbox { get; set; } = new(TestData.InboxId, "RyzeAPI", null, null);

    public string? WebhookUrl { get; private set; }

    public NewChatwootIntegration? Stored { get; private set; }

    public IdempotencyCompletion? Completion { get; private set; }

    public static ProtectedSecret Protected(string plaintext, string associatedData) =>
        new("k1", Encoding.UTF8.GetBytes(associatedData + "|" + plaintext));

    /// <summary>Reads a fake ciphertext back as "key id:associated data|plaintext".</summary>
    public static string? Describe(ProtectedSecret? secret) =>
        secret is null ? null : secret.KeyId + ":" + Encoding.UTF8.GetString(secret.Ciphertext);

    public ChatwootActivator Activator() => new(
        Chatwoot.Object,
        Integrations.Object,
        Protector.Object,
        Options.Create(new RyzeApiOptions { PublicBaseUrl = PublicBaseUrl + "/" }),
        Clock,
        NullLogger<ChatwootActivator>.Instance);

    public ActivateChatwootCommandHandler Handler() =>
        new(new InstanceResolver(Instances.Object), Activator(), Idempotency.Object, Integrations.Object, Module.Object);
}
