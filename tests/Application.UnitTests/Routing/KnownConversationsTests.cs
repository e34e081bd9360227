using RyzeApi.Application.Routing.Ingress;

namespace RyzeApi.Application.UnitTests.Routing;

/// <summary>The webhook's memory of conversations is bounded: it never holds more than
/// <see cref="KnownConversations.Capacity"/> conversations, however many chats and integrations the process has seen.</summary>
[TestFixture]
public sealed class KnownConversationsTests
{
    private const int Integrations = 7;

    [Test]
    public void ManyMoreConversationsThanItsCapacity_AtMostCapacityAreKept_AndTheLatestIsFound()
    {
        // Arrange
        var known = new KnownConversations();
        var seen = KnownConversations.Capacity * 3 + 17;

        // Act
        for (var i = 0; i < seen; i++)
        {
            known.Remember(Credentials(i % Integrations), i, $"5511{i:D9}@s.whatsapp.net");
        }

        // Assert
        var kept = Enumerable.Range(0, seen).Count(i => known.Find(Integration(i % Integrations), i) is not null);
        Assert.That(kept, Is.InRange(1, KnownConversations.Capacity));
        Assert.That(known.Find(Integration((seen - 1) % Integrations), seen - 1)?.ChatJid, Is.EqualTo($"5511{seen - 1:D9}@s.whatsapp.net"));
    }

    [Test]
    public void OneConversationRememberedAgainAndAgain_TakesOnePlace()
    {
        // Arrange
        var known = new KnownConversations();
        known.Remember(Credentials(0), 1, "first@s.whatsapp.net");

        // Act: far more updates of one conversation than the capacity, then a full capacity of others.
        for (var i = 0; i < KnownConversations.Capacity * 2; i++)
        {
            known.Remember(Credentials(0), 1, "5511999999999@s.whatsapp.net");
        }

        for (var i = 2; i <= KnownConversations.Capacity; i++)
        {
            known.Remember(Credentials(1), i, $"5511{i:D9}@s.whatsapp.net");
        }

        // Assert: the updates did not count as new entries, so nothing was dropped yet.
        Assert.That(known.Find(Integration(0), 1)?.ChatJid, Is.EqualTo("5511999999999@s.whatsapp.net"));
        Assert.That(known.Find(Integration(1), 2), Is.Not.Null);
    }

    private static string Integration(int n) => $"int_{n:D16}";

    private static WebhookCredentials Credentials(int n) => new(Integration(n), Guid.Empty, new byte[32], null);
}
