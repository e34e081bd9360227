using RyzeApi.Application.Routing.Ingress;

namespace RyzeApi.Infrastructure.IntegrationTests.Routing;

/// <summary>Inline media is stored beside its outbox row: claims read no bytes, the delivery reads them once, and they
/// go once the row is finished.</summary>
public sealed class OutboxMediaTests : OutboxRowsTestBase
{
    private static readonly byte[] s_jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F'];
    [Test]
    public async Task Enqueue_InlineMedia_ClaimCarriesNoBytesAndTheDeliveryReadsThem()
    {
        // Arrange
        var message = InlineMedia.SetApart(Message("3EB0A", Convert.ToBase64String(s_jpeg)));

        // Act
        await Outbox.EnqueueAsync(IntegrationId, message, CancellationToken.None);
        var claimed = (await Outbox.ClaimAsync("w1", 10, TimeSpan.FromMinutes(1), CancellationToken.None)).Single();

        // Assert
        Assert.That(claimed.Payload, Does.Not.Contain(Convert.ToBase64String(s_jpeg)).And.Contain("\"Base64\": null"));
        Assert.That(await Outbox.ReadMediaAsync(claimed.Id, CancellationToken.None), Is.EqualTo(s_jpeg));
    }

    [Test]
    public async Task PurgeDone_DeletesTheMediaOfFinishedRowsOnly()
    {
        // Arrange
        await Outbox.EnqueueAsync(IntegrationId, InlineMedia.SetApart(Message("3EB0A", Convert.ToBase64String(s_jpeg))), CancellationToken.None);
        await Outbox.EnqueueAsync(IntegrationId, InlineMedia.SetApart(Message("3EB0B", Convert.ToBase64String(s_jpeg)) with { ChatJid = "chat-b" }), CancellationToken.None);
        var claimed = await Outbox.ClaimAsync("w1", 10, TimeSpan.FromMinutes(1), CancellationToken.None);
        await Outbox.CompleteAsync(claimed[0], null, null, CancellationToken.None);

        // Act
        await Outbox.PurgeDoneAsync(TimeSpan.FromDays(7), CancellationToken.None);

        // Assert
        Assert.That(await Outbox.ReadMediaAsync(claimed[0].Id, CancellationToken.None), Is.Null);
        Assert.That(await Outbox.ReadMediaAsync(claimed[1].Id, CancellationToken.None), Is.EqualTo(s_jpeg), "still to be delivered");
    }

    [Test]
    public async Task PurgeDone_KeepsTheMediaOfAFailedRow_SoARetryByHandStillSendsIt()
    {
        // Arrange
        await Outbox.EnqueueAsync(IntegrationId, InlineMedia.SetApart(Message("3EB0A", Convert.ToBase64String(s_jpeg))), CancellationToken.None);
        var claimed = (await Outbox.ClaimAsync("w1", 10, TimeSpan.FromMinutes(1), CancellationToken.None)).Single();
        await Outbox.FailAsync(claimed, "Chatwoot unavailable: given up", null, CancellationToken.None);

        // Act
        await Outbox.PurgeDoneAsync(TimeSpan.FromDays(7), CancellationToken.None);

        // Assert
        Assert.That(await Outbox.ReadMediaAsync(claimed.Id, CancellationToken.None), Is.EqualTo(s_jpeg));
    }

    [Test]
    public async Task Enqueue_SameMessageTwice_RecordsItAndItsMediaOnce()
    {
        // Arrange
        var message = InlineMedia.SetApart(Message("3EB0A", Convert.ToBase64String(s_jpeg)));

        // Act
        var first = await Outbox.EnqueueAsync(IntegrationId, message, CancellationToken.None);
        var second = await Outbox.EnqueueAsync(IntegrationId, message, CancellationToken.None);

        // Assert
        Assert.That((first, second), Is.EqualTo((true, false)));
        Assert.That(await Database.ScalarAsync<long>("SELECT count(*) FROM outbox_media"), Is.EqualTo(1));
    }

    private static WhatsAppMessage Message(string id, string base64) => new(
        id, "chat-a", "João", false, "chat-a", "João", false, WhatsAppMessageKind.Media, null,
        new WhatsAppMedia("image", null, base64, "image/jpeg", "foto.jpg", null), null);
}
