using RyzeApi.Testing.Engine;

namespace RyzeApi.WebApi.FunctionalTests.Routing;

/// <summary>docs/api/en/chatwoot-deliveries.md: a retried delivery is delivered, once, however often or however
/// concurrently the retry is asked for, and even when the failed attempt had in fact reached Chatwoot.</summary>
public sealed class DeliveryRetryTests : DeliveryApiTestBase
{
    [Test]
    public async Task FailedMessageRetriedById_ReachesChatwootOnce_ASecondRetrySkipsIt()
    {
        // Arrange
        await ActivateRoutingAsync();
        var message = await FailedMessageAsync();
        var id = await DeliveryIdAsync(message.Id);

        // Act
        var first = await RetryOkAsync(new { ids = new[] { id } });
        var landed = await WaitForChatwootMessageAsync(message.Id);
        await SettledAsync();
        var second = await RetryOkAsync(new { ids = new[] { id } });
        await SettledAsync();

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(Ids(first, "requeued"), Is.EqualTo(new[] { id }));
            Assert.That(first.Text("message"), Is.EqualTo("1 deliveries requeued"));
            Assert.That(Ids(second, "requeued"), Is.Empty);
            Assert.That(Ids(second, "skipped"), Is.EqualTo(new[] { id }));
            Assert.That(ChatwootCopiesOf(message.Id), Is.EqualTo(1));
            Assert.That(landed.Content, Does.Contain("segunda"));
        });
        Assert.That(await Database.ScalarAsync<string>($"SELECT status FROM outbox WHERE id = {id}"), Is.EqualTo("done"));
    }

    [Test]
    public async Task RetryAllPostedTwiceAtOnce_RequeuesOnce_ReachesChatwootOnce()
    {
        // Arrange
        await ActivateRoutingAsync();
        var message = await FailedMessageAsync();

        // Act
        var answers = await Task.WhenAll(RetryOkAsync(new { }), RetryOkAsync(new { }));
        await WaitForChatwootMessageAsync(message.Id);
        await SettledAsync();

        // Assert
        Assert.That(answers.Sum(a => Ids(a, "requeued").Length), Is.EqualTo(1));
        Assert.That(ChatwootCopiesOf(message.Id), Is.EqualTo(1));
    }

    [Test]
    public async Task FailedAttemptHadReachedChatwoot_Retried_FindsItThereAndPostsNoCopy()
    {
        // Arrange: Chatwoot saves the message but answers 422, so the delivery failed although the message is there.
        await ActivateRoutingAsync();
        var message = await FailedMessageAsync(FakeFault.ReplaceAnswer(422, TooLong));
        Assert.That(ChatwootCopiesOf(message.Id), Is.EqualTo(1));

        // Act
        var answer = await RetryOkAsync(new { ids = new[] { await DeliveryIdAsync(message.Id) } });
        await Eventually.WaitAsync(
            () => Database.ScalarAsync<string>($"SELECT status FROM outbox WHERE dedupe_key = 'wa:{message.Id}'"), s => s == "done", "the retried delivery");
        await SettledAsync();

        // Assert
        Assert.That(Ids(answer, "requeued"), Has.Length.EqualTo(1));
        Assert.That(ChatwootCopiesOf(message.Id), Is.EqualTo(1));
    }

    [Test]
    public async Task FailedRowWhoseMessageIsLinked_IsSkipped_NoSecondCopy()
    {
        // Arrange: a delivered message whose row is marked failed afterwards (as an operator's SQL or a lost race could):
        // its link says it is in Chatwoot.
        await ActivateRoutingAsync();
        var message = EngineEvents.Text(ContactJid, "olá", "João Silva");
        await PostEventExpectingAsync(message.ToJson());
        await WaitForChatwootMessageAsync(message.Id);
        await SettledAsync();
        var id = await DeliveryIdAsync(message.Id);
        await Database.ExecuteAsync($"UPDATE outbox SET status = 'failed', last_error = 'marked by hand' WHERE id = {id}");

        // Act
        var answer = await RetryOkAsync(new { ids = new[] { id } });
        await SettledAsync();

        // Assert
        Assert.That(Ids(answer, "requeued"), Is.Empty);
        Assert.That(Ids(answer, "skipped"), Is.EqualTo(new[] { id }));
        Assert.That(await Database.ScalarAsync<string>($"SELECT status FROM outbox WHERE id = {id}"), Is.EqualTo("failed"));
        Assert.That(ChatwootCopiesOf(message.Id), Is.EqualTo(1));
    }

    [Test]
    public async Task AgentReplyRefusedByTheEngine_Retried_ReachesWhatsAppOnce()
    {
        // Arrange
        await ActivateRoutingAsync();
        var conversation = await ContactWritesAsync();
        Engine.FailNext(400, EngineErrors.Envelope("Number is not on WhatsApp"), matching: r => r.Path.StartsWith("/api/message/", StringComparison.Ordinal));
        var reply = await AgentRepliesAsync(conversation.Id, "olá");
        await Eventually.WaitAsync(() => MessageNow(reply).Status, s => s == "failed", "the failed tick");
        await SettledAsync();
        var failed = (await ListOkAsync())["deliveries"]!.AsArray().Single()!;

        // Act
        var first = await RetryOkAsync(new { });
        await Engine.WaitForSendsAsync(1, Eventually.Deadline);
        await SettledAsync();
        var second = await RetryOkAsync(new { });
        await SettledAsync();

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(failed.Text("kind"), Is.EqualTo("agent_reply"));
            Assert.That(failed.Text("direction"), Is.EqualTo("to_whatsapp"));
            Assert.That(failed["chatwoot_message_id"]!.GetValue<long>(), Is.EqualTo(reply.Id));
            Assert.That(failed.Text("last_error"), Does.Contain("Number is not on WhatsApp"));
            Assert.That(Ids(first, "requeued"), Is.EqualTo(new[] { failed["id"]!.GetValue<long>() }));
            Assert.That(Ids(second, "requeued"), Is.Empty);
            Assert.That(Engine.Sends, Has.Count.EqualTo(1));
            Assert.That(Engine.Sends.Single().Text, Is.EqualTo("olá"));
        });
        Assert.That(MessageNow(reply).Status, Is.EqualTo("sent"));
    }

    [Test]
    public async Task AgentReplyWhoseSendMayHaveArrived_Retried_IsSkippedAndNotSentAgain()
    {
        // Arrange: the engine takes the reply but answers with no message id: it may well be on WhatsApp.
        await ActivateRoutingAsync();
        var conversation = await ContactWritesAsync();
        Engine.Script(FakeFault.Json(200, "{}"), matching: r => r.Method == "POST");
        await AgentRepliesAsync(conversation.Id, "Posso ajudar?");
        await Eventually.WaitAsync(
            () => Database.ScalarAsync<string>("SELECT status FROM outbox WHERE kind = 'agent_reply'"), s => s == "failed", "the failed reply");
        await SettledAsync();
        var id = await Database.ScalarAsync<long>("SELECT id FROM outbox WHERE kind = 'agent_reply'");

        // Act
        var byId = await RetryOkAsync(new { ids = new[] { id } });
        var all = await RetryOkAsync(new { });
        await SettledAsync();

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(Ids(byId, "requeued"), Is.Empty);
            Assert.That(Ids(byId, "skipped"), Is.EqualTo(new[] { id }));
            Assert.That(Ids(all, "requeued"), Is.Empty);
            Assert.That(Engine.Requests.Count(r => r.Method == "POST"), Is.EqualTo(1), "sent again, it could reach the customer twice");
        });
        Assert.That(await Database.ScalarAsync<string>($"SELECT status FROM outbox WHERE id = {id}"), Is.EqualTo("failed"));
    }
}
