using System.Text.Json;
using Moq;
using NUnit.Framework;
using RyzeApi.Application.Common.Abstractions;
using RyzeApi.Application.Common.Exceptions;
using RyzeApi.Application.Routing.Delivery;
using RyzeApi.Application.Routing.Model;
using RyzeApi.Application.UnitTests.Support;

namespace RyzeApi.Application.UnitTests.Routing;

[TestFixture]
public sealed class AgentReplyToWhatsAppTests
{
    private static readonly AgentReply s_reply = new(501, 77, "5511999999999@s.whatsapp.net", "Posso ajudar?", "Ana", []);
    private readonly Mock<IEngineClient> _engine = new();

    [Test]
    public async Task Deliver_EngineAccepts_LinksTheIdsAndQueuesSentInTheLaneOfTheEnginesReports()
    {
        // Arrange
        _engine.Setup(e => e.SendTextAsync("suporte", s_reply.ChatJid, "*Ana*:\nPosso ajudar?", It.IsAny<CancellationToken>())).ReturnsAsync("3EB0SENT");

        // Act
        var outcome = await new AgentReplyToWhatsApp(_engine.Object).DeliverAsync(Context(), s_reply, CancellationToken.None);

        // Assert: a later "delivered" for 3EB0SENT is recorded in lane status:3EB0SENT, behind this "sent"
        var delivered = (DeliveryOutcome.Delivered)outcome;
        Assert.That(delivered.Link, Is.EqualTo(new MessageLink(TestData.IntegrationId, "3EB0SENT", 501, 77, MessageLink.ToWhatsApp)));
        Assert.That(delivered.FollowUp!.ChatKey, Is.EqualTo("status:3EB0SENT"));
        Assert.That(JsonSerializer.Deserialize<MessageStatusChange>(delivered.FollowUp.Payload),
            Is.EqualTo(new MessageStatusChange("3EB0SENT", "sent", null, 501, 77)));
    }

    [Test]
    public async Task Deliver_EngineRefuses_FailsAndQueuesFailedForTheChatwootMessage()
    {
        // Arrange
        _engine.Setup(e => e.SendTextAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new EngineRejectedException("number not on WhatsApp", 400));

        // Act
        var outcome = await new AgentReplyToWhatsApp(_engine.Object).DeliverAsync(Context(), s_reply, CancellationToken.None);

        // Assert: no WhatsApp id exists, so the lane is the Chatwoot message's
        var permanent = (DeliveryOutcome.Permanent)outcome;
        Assert.That(permanent.FollowUp!.ChatKey, Is.EqualTo("status:cw501"));
        Assert.That(JsonSerializer.Deserialize<MessageStatusChange>(permanent.FollowUp.Payload),
            Is.EqualTo(new MessageStatusChange(string.Empty, "failed", "number not on WhatsApp", 501, 77)));
    }

    private static DeliveryContext Context() => new(TestData.Integration(), "suporte", TestData.Connection);
}
