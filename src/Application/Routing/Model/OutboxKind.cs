namespace RyzeApi.Application.Routing.Model;

/// <summary>What an outbox row asks a worker to do.</summary>
public static class OutboxKind
{
    /// <summary>WhatsApp → Chatwoot: a received (or sent-from-phone) message.</summary>
    public const string WhatsAppMessage = "whatsapp_message";

    /// <summary>Chatwoot → WhatsApp: an agent's reply.</summary>
    public const string AgentReply = "agent_reply";

    /// <summary>A delivery report to show on a Chatwoot message.</summary>
    public const string MessageStatus = "message_status";
}
