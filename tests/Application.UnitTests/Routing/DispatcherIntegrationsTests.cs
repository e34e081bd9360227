using System.Text.Json;
using RyzeApi.Application.Routing.Model;

namespace RyzeApi.Application.UnitTests.Routing;

/// <summary>A batch spread over several integrations delivers their lanes in parallel, not one integration after the
/// other: with many integrations each batch holds a row or two of each.</summary>
[TestFixture]
public sealed class DispatcherIntegrationsTests : DispatcherTestBase
{
    private const string Second = "int_second0000000001";

    [Test]
    public async Task Dispatch_TwoIntegrations_TheirLanesRunAtTheSameTime()
    {
        // Arrange: each integration's send waits until the other's has started; one after the other, the first would wait in vain.
        Integrations.Setup(i => i.FindDeliveryTargetAsync(Second, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new DeliveryTarget(TestData.Integration(IntegrationStatus.Active, "") with { Id = Second }, "vendas", TestData.StoredToken, false));
        Protector.Setup(p => p.Unprotect(TestData.StoredToken, Second)).Returns(TestData.ApiToken);
        var started = new Dictionary<string, TaskCompletionSource>
        {
            ["suporte"] = new(TaskCreationOptions.RunContinuationsAsynchronously),
            ["vendas"] = new(TaskCreationOptions.RunContinuationsAsynchronously),
        };
        Engine.Setup(e => e.SendTextAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Returns(async (string instance, string _, string _, CancellationToken _) =>
            {
                started[instance].SetResult();
                await started[instance == "suporte" ? "vendas" : "suporte"].Task.WaitAsync(TimeSpan.FromSeconds(20));
                return "WA-" + instance;
            });
        var first = Reply(1, attempts: 1);
        var second = Reply(2, attempts: 1) with
        {
            IntegrationId = Second,
            Payload = JsonSerializer.Serialize(new AgentReply(502, 78, "5511888888888", "Posso ajudar?", "Ana", [])),
            Lane = new Lane(LaneKind.AgentReplies, "5511888888888"),
        };

        // Act
        await Dispatcher().DispatchAsync([first, second], CancellationToken.None);

        // Assert
        Outbox.Verify(o => o.CompleteAsync(first, It.Is<MessageLink>(l => l.WhatsAppId == "WA-suporte"), It.IsAny<NewOutboxItem?>(), It.IsAny<CancellationToken>()), Times.Once);
        Outbox.Verify(o => o.CompleteAsync(second, It.Is<MessageLink>(l => l.WhatsAppId == "WA-vendas"), It.IsAny<NewOutboxItem?>(), It.IsAny<CancellationToken>()), Times.Once);
    }
}
