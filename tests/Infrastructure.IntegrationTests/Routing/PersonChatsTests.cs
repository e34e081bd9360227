using Dapper;

namespace RyzeApi.Infrastructure.IntegrationTests.Routing;

/// <summary>docs/adr/0027-chat-keyed-by-the-person.md: a chat is found by its key, its LID or its phone JID; one person's
/// two chats become one, keeping every conversation; each spelling names one chat; a reply lane brings its chat with
/// the claim, and a chat lane named by the LID finds a chat keyed otherwise.</summary>
public sealed class PersonChatsTests : OutboxTestBase
{
    private const string Lid = "204458374921234@lid";
    private const string Phone = "5511999999999@s.whatsapp.net";
    private string _integrationId = null!;
    private RoutingRepository _routing = null!;

    [SetUp]
    public async Task CreateIntegration()
    {
        var account = await CreateAccountAsync("account-token-person-0001");
        var instance = await CreateInstanceAsync(account, "suporte", "instance-token-person-0001");
        var integration = IntegrationSamples.New(instance.Id, new ProtectedSecret("k1", [1, 2, 3]));
        await new ChatwootIntegrationRepository(DataSource, TimeProvider.System).ReplaceAsync(integration, null, CancellationToken.None);
        _integrationId = integration.Integration.Id;
        _routing = new RoutingRepository(DataSource);
    }

    [Test]
    public async Task FindChats_ByAnySpelling_TheLanesChatFirst()
    {
        // Arrange: one chat keyed by the phone (older), one by the LID
        await _routing.SaveChatAsync(new RoutedChat(_integrationId, Phone, 31, "src-31", 77, "open", Phone, null), CancellationToken.None);
        await _routing.SaveChatAsync(new RoutedChat(_integrationId, Lid, 32, "src-32", 78, "open", null, Lid), CancellationToken.None);

        // Act
        var byLidLane = await _routing.FindChatsAsync(_integrationId, Lid, Phone, Lid, CancellationToken.None);
        var byPhoneOnly = await _routing.FindChatsAsync(_integrationId, "5511999999999", Phone, null, CancellationToken.None);

        // Assert
        Assert.That(byLidLane.Select(c => c.ChatJid), Is.EqualTo(new[] { Lid, Phone }));
        Assert.That(byPhoneOnly.Single().ContactId, Is.EqualTo(31));
    }

    [Test]
    public async Task AbsorbChat_KeepsTheOthersConversationsAndItsSpellings()
    {
        // Arrange
        await _routing.SaveChatAsync(new RoutedChat(_integrationId, Phone, 31, "src-31", 77, "open", Phone, null), CancellationToken.None);
        await _routing.SaveChatAsync(new RoutedChat(_integrationId, Lid, 32, "src-32", 78, "open", null, Lid), CancellationToken.None);

        // Act
        await _routing.AbsorbChatAsync(new RoutedChat(_integrationId, Lid, 31, "src-32", 78, "open", Phone, Lid), Phone, CancellationToken.None);

        // Assert
        var chat = (await _routing.FindChatsAsync(_integrationId, "5511999999999", Phone, null, CancellationToken.None)).Single();
        Assert.That((chat.ChatJid, chat.ContactId, chat.PhoneJid, chat.Lid), Is.EqualTo((Lid, 31L, Phone, Lid)));
        await using var connection = await DataSource.OpenConnectionAsync();
        var chats = await connection.QueryAsync<string>(
            "SELECT DISTINCT chat_jid FROM chatwoot_conversations WHERE integration_id = @Id", new { Id = _integrationId });
        Assert.That(chats, Is.EqualTo(new[] { Lid }), "conversation 77 is the surviving chat's");
    }

    [Test]
    public void SaveChat_ASpellingAnotherChatHas_IsRefused()
    {
        // Arrange
        Assert.DoesNotThrowAsync(() => _routing.SaveChatAsync(new RoutedChat(_integrationId, Lid, 32, "src-32", null, null, null, Lid), CancellationToken.None));

        // Act / Assert: a second chat for the same LID would be a second contact
        Assert.ThrowsAsync<DatabaseUnavailableException>(() =>
            _routing.SaveChatAsync(new RoutedChat(_integrationId, "other-key", 33, "src-33", null, null, null, Lid), CancellationToken.None));
    }

    [Test]
    public async Task Claim_BringsTheChatForAReplyLane_AndForAChatLaneNamedByItsLid()
    {
        // Arrange: a chat keyed by the phone, whose LID became known later
        await _routing.SaveChatAsync(new RoutedChat(_integrationId, Phone, 31, "src-31", 77, "open", Phone, Lid), CancellationToken.None);
        await Outbox.EnqueueAsync(NewOutboxItem.For(_integrationId, new AgentReply(501, 77, Phone, "oi", null, [])), CancellationToken.None);
        await Outbox.EnqueueAsync(
            NewOutboxItem.For(_integrationId, new WhatsAppMessage("M1", Lid, null, false, Lid, null, false, WhatsAppMessageKind.Text, "oi", null, null)),
            CancellationToken.None);

        // Act
        var claimed = await Outbox.ClaimAsync("w1", 10, TimeSpan.FromMinutes(1), CancellationToken.None);

        // Assert
        Assert.That(claimed.Select(c => c.Chat?.ContactId), Is.EqualTo(new long?[] { 31, 31 }));
        Assert.That(claimed[0].Chat!.ReplyJid, Is.EqualTo(Phone));
    }
}
