using RyzeApi.Testing.Engine;

namespace RyzeApi.WebApi.FunctionalTests.Routing;

/// <summary>docs/api/en/chatwoot-deliveries.md: the list shows a failed delivery with its error, delivered ones with the
/// Chatwoot message they became, and pages that do not shift while new deliveries are recorded; the integration info
/// counts the backlog.</summary>
public sealed class DeliveryListTests : DeliveryApiTestBase
{
    [Test]
    public async Task ChatwootRefusesAMessage_ListOfFailed_ShowsItWithItsError()
    {
        // Arrange
        await ActivateRoutingAsync();
        var message = await FailedMessageAsync();

        // Act
        var page = await ListOkAsync("?state=failed");

        // Assert
        var delivery = page["deliveries"]!.AsArray().Single()!;
        Assert.Multiple(() =>
        {
            Assert.That(page.Text("instance_name"), Is.EqualTo(Instance));
            Assert.That(page.Text("state"), Is.EqualTo("failed"));
            Assert.That(page["next_cursor"], Is.Null);
            Assert.That(delivery.Text("kind"), Is.EqualTo("whatsapp_message"));
            Assert.That(delivery.Text("direction"), Is.EqualTo("to_chatwoot"));
            Assert.That(delivery.Text("state"), Is.EqualTo("failed"));
            Assert.That(delivery.Text("whatsapp_message_id"), Is.EqualTo(message.Id));
            Assert.That(delivery.Text("whatsapp_chat_id"), Is.EqualTo(ContactJid));
            Assert.That(delivery["chatwoot_message_id"], Is.Null, "it never became a Chatwoot message");
            Assert.That(delivery["attempts"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(delivery.Text("last_error"), Does.StartWith("Chatwoot rejected the request as invalid").And.Contain("HTTP 422").And.Contain("Content is too long"));
            Assert.That(delivery.Text("created_at"), Does.Match(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$"));
            Assert.That(delivery["next_attempt_at"], Is.Null);
        });
    }

    [Test]
    public async Task MessageDelivered_ListOfDelivered_ShowsTheChatwootMessageItBecame()
    {
        // Arrange
        await ActivateRoutingAsync();
        var message = EngineEvents.Text(ContactJid, "olá", "João Silva");
        await PostEventExpectingAsync(message.ToJson());
        var landed = await WaitForChatwootMessageAsync(message.Id);
        await SettledAsync();

        // Act
        var page = await ListOkAsync("?state=delivered");

        // Assert
        var delivery = page["deliveries"]!.AsArray().Single(d => d!.Text("kind") == "whatsapp_message")!;
        Assert.Multiple(() =>
        {
            Assert.That(delivery.Text("state"), Is.EqualTo("delivered"));
            Assert.That(delivery.Text("whatsapp_message_id"), Is.EqualTo(message.Id));
            Assert.That(delivery["chatwoot_message_id"]!.GetValue<long>(), Is.EqualTo(landed.Id));
            Assert.That(delivery["chatwoot_conversation_id"]!.GetValue<long>(), Is.EqualTo(landed.ConversationId));
            Assert.That(delivery.Text("last_error"), Is.Empty);
        });
    }

    [Test]
    public async Task ManyDelivered_PagedWithTheCursor_EachOnceNewestFirst_NewOnesDoNotShiftThePages()
    {
        // Arrange
        await ActivateRoutingAsync();
        for (var i = 0; i < 5; i++)
        {
            await ContactWritesAsync($"mensagem {i}");
        }

        await SettledAsync();
        var all = await Database.ScalarAsync<long>("SELECT count(*) FROM outbox WHERE status = 'done'");

        // Act
        var seen = new List<long>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await ListOkAsync("?state=delivered&limit=2" + (cursor is null ? "" : "&cursor=" + cursor));
            seen.AddRange(page["deliveries"]!.AsArray().Select(d => d!["id"]!.GetValue<long>()));
            cursor = page["next_cursor"]?.GetValue<string>();
            if (pages++ == 0)
            {
                // Recorded and delivered after the first page was read: newer than any cursor, so never on a later page.
                await ContactWritesAsync("depois da primeira página");
                await SettledAsync();
            }
        }
        while (cursor is not null);

        // Assert
        Assert.That(seen, Has.Count.EqualTo(all));
        Assert.That(seen, Is.Unique);
        Assert.That(seen, Is.Ordered.Descending);
        Assert.That(pages, Is.EqualTo((int)Math.Ceiling(all / 2.0)));
    }

    [Test]
    public async Task Info_CountsPendingWhileChatwootIsDown_ThenFailedAndLastDelivery()
    {
        // Arrange
        await ActivateRoutingAsync();
        await ContactWritesAsync("primeira");
        await SettledAsync();
        Chatwoot.ScriptAlways(FakeFault.NginxPage(502), IsMessagePost);

        // Act
        await PostEventExpectingAsync(EngineEvents.Text(ContactJid, "durante", "João Silva").ToJson());
        var during = await Eventually.WaitAsync(DeliveriesInfoAsync, d => d["pending"]!.GetValue<int>() == 1, "one pending delivery");
        Chatwoot.ClearScripts();
        await SettledAsync();
        await FailedMessageAsync();
        var after = await DeliveriesInfoAsync();

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(during["oldest_pending_age_seconds"]!.GetValue<long>(), Is.GreaterThanOrEqualTo(0));
            Assert.That(during["failed_last_24h"]!.GetValue<int>(), Is.Zero);
            Assert.That(after["pending"]!.GetValue<int>(), Is.Zero);
            Assert.That(after["oldest_pending_age_seconds"], Is.Null);
            Assert.That(after["failed_last_24h"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(after.Text("last_delivered_at"), Does.Match(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$"));
        });
    }

    private async Task<System.Text.Json.Nodes.JsonNode> DeliveriesInfoAsync()
    {
        using var response = await InfoAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync())["deliveries"]!;
    }
}
