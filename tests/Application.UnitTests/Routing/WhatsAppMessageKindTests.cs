using System.Text.Json;

namespace RyzeApi.Application.UnitTests.Routing;

/// <summary>The message kind is an enum in code and the same lowercase name in stored payloads, so rows recorded
/// before the enum existed are read as they were written.</summary>
public sealed class WhatsAppMessageKindTests
{
    [TestCase(WhatsAppMessageKind.Text, "text")]
    [TestCase(WhatsAppMessageKind.Media, "media")]
    [TestCase(WhatsAppMessageKind.Edit, "edit")]
    [TestCase(WhatsAppMessageKind.Revoke, "revoke")]
    public void Payload_StoresTheKindByItsLowercaseName_AndReadsItBack(WhatsAppMessageKind kind, string stored)
    {
        // Arrange
        var message = new WhatsAppMessage("3EB0", "5511999999999", null, false, null, null, false, kind, "Olá", null, null);

        // Act
        var json = JsonSerializer.Serialize(message, WhatsAppMessage.JsonType);
        var read = JsonSerializer.Deserialize(json, WhatsAppMessage.JsonType)!;

        // Assert
        Assert.That(json, Does.Contain($"\"Kind\":\"{stored}\""));
        Assert.That(read.Kind, Is.EqualTo(kind));
    }

    [Test]
    public void Payload_WrittenBeforeTheEnum_IsRead()
    {
        // Arrange: as the outbox stored it with the kind as a plain string
        const string Stored = """{"Id":"3EB0","ChatJid":"5511999999999","ChatName":null,"IsGroup":false,"SenderJid":null,"SenderName":null,"FromMe":false,"Kind":"revoke","Text":null,"Media":null,"EditedId":"3EAF"}""";

        // Act
        var read = JsonSerializer.Deserialize(Stored, WhatsAppMessage.JsonType)!;

        // Assert
        Assert.That((read.Kind, read.EditedId), Is.EqualTo((WhatsAppMessageKind.Revoke, "3EAF")));
    }
}
