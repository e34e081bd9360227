using Microsoft.Extensions.DependencyInjection;
using RyzeApi.Application.Routing.Ingress;
using RyzeApi.Testing.Engine;

namespace RyzeApi.Infrastructure.IntegrationTests.Fakes;

/// <summary>Smoke test of the fake engine against the application's real engine client and event parser.</summary>
public sealed class FakeEngineSmokeTests
{
    [Test]
    public async Task Sends_AcceptedFailedAndRefused_AreClassifiedByTheEngineClient()
    {
        // Arrange
        await using var engine = await FakeEngine.StartAsync();
        await using var services = ProductAdapters.Build(engine.BaseUrl, engine.Token);
        var client = services.GetRequiredService<IEngineClient>();
        var cancel = CancellationToken.None;

        // Act
        var textId = await client.SendTextAsync("suporte", "5511999999999", "Olá", cancel);
        var mediaId = await client.SendMediaAsync("suporte", new EngineMedia("5511999999999", "image", "https://files.test/a.jpg", "legenda", "image/jpeg", "a.jpg"), cancel);
        engine.FailNext(400, EngineErrors.Envelope("Number is not on WhatsApp"));
        var rejected = Assert.ThrowsAsync<EngineRejectedException>(() => client.SendTextAsync("suporte", "5511999999999", "x", cancel));
        engine.SetConnected("suporte", false);
        var notConnected = Assert.ThrowsAsync<EngineNotConnectedException>(() => client.SendTextAsync("suporte", "5511999999999", "x", cancel));
        engine.NotConnectedStatus = 503;
        var notConnected503 = Assert.ThrowsAsync<EngineNotConnectedException>(() => client.SendTextAsync("suporte", "5511999999999", "x", cancel));
        engine.SetConnected("suporte", true);
        await engine.RefuseConnectionsAsync();
        // Refused for real: worth a retry, so EngineUnavailable (Refit's wrapper must not escape).
        var refused = Assert.ThrowsAsync<EngineUnavailableException>(() => client.SendTextAsync("suporte", "5511999999999", "x", cancel));
        await engine.AcceptConnectionsAsync();
        var afterRestart = await client.SendTextAsync("suporte", "5511999999999", "de volta", cancel);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(engine.Sends.Select(s => s.MessageId), Is.EqualTo(new[] { textId, mediaId, afterRestart }));
            Assert.That(engine.Sends[0], Has.Property("Text").EqualTo("Olá").And.Property("Source").EqualTo("chatwoot"));
            Assert.That(engine.Sends[1], Has.Property("Caption").EqualTo("legenda").And.Property("MediaType").EqualTo("image"));
            Assert.That(rejected!.Message, Is.EqualTo("Number is not on WhatsApp"));
            Assert.That(new[] { notConnected!.Message, notConnected503!.Message }, Is.All.EqualTo("Instance is not connected to WhatsApp"));
            Assert.That(refused!.Message, Does.Contain("Connection refused"));
        });
    }

    [TestCase(EngineLayout.Nested)]
    [TestCase(EngineLayout.Flat)]
    public async Task Events_EitherLayout_AreReadByTheParser(EngineLayout layout)
    {
        // Arrange
        await using var engine = await FakeEngine.StartAsync();
        var url = engine.ServeMedia([1, 2, 3], "image/jpeg", "foto.jpg");

        // Act
        var text = EngineEventParser.Parse(EngineEvents.Text("5511999999999", "Olá", "João").ToJson(layout), null);
        var group = EngineEventParser.Parse(EngineEvents.GroupText("1203@g.us", "Equipe", "5511888888888@s.whatsapp.net", "Ana", "oi").ToJson(layout), null);
        var media = EngineEventParser.Parse(
            EngineEvents.Media("5511999999999", EngineEventMedia.At("image", url, "image/jpeg", "foto.jpg", "veja")).ToJson(layout), null);
        var echo = EngineEventParser.Parse(EngineEvents.FromMe("5511999999999", "eco", "chatwoot").ToJson(layout), null);
        var edit = EngineEventParser.Parse(EngineEvents.Edit("5511999999999", "3EB0AA", "corrigido").ToJson(layout), null);
        var revoke = EngineEventParser.Parse(EngineEvents.Revoke("5511999999999", "3EB0AA").ToJson(layout), null);
        var status = EngineEventParser.Parse(EngineEvents.Status("3EB0BB", "read", layout), null);
        using var http = new HttpClient();
        var bytes = await http.GetByteArrayAsync(url);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(text.Message, Has.Property("Text").EqualTo("Olá").And.Property("SenderName").EqualTo("João").And.Property("FromMe").False);
            Assert.That(group.Message, Has.Property("IsGroup").True.And.Property("SenderJid").EqualTo("5511888888888@s.whatsapp.net"));
            Assert.That(media.Message!.Media, Has.Property("Url").EqualTo(url).And.Property("Caption").EqualTo("veja"));
            Assert.That(echo.IgnoredBecause, Is.EqualTo("echo of a message RyzeApi sent"));
            Assert.That(edit.Message, Has.Property("Kind").EqualTo(WhatsAppMessageKind.Edit).And.Property("EditedId").EqualTo("3EB0AA"));
            Assert.That(revoke.Message!.Kind, Is.EqualTo(WhatsAppMessageKind.Revoke));
            Assert.That(status.Status, Has.Property("WhatsAppId").EqualTo("3EB0BB").And.Property("ChatwootStatus").EqualTo("read"));
            Assert.That(bytes, Is.EqualTo(new byte[] { 1, 2, 3 }));
        });
    }
}
