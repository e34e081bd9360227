using RyzeApi.Application.Outbox;

namespace RyzeApi.Infrastructure.Outbox;

/// <summary>A lane kind as the outbox's <c>lane_kind</c> column stores it (migrations 0005, 0006, 0007).</summary>
internal static class LaneKinds
{
    public static string ToName(this LaneKind kind) => kind switch
    {
        LaneKind.WhatsAppChat => "chat",
        LaneKind.AgentReplies => "reply",
        LaneKind.MessageStatus => "status",
        LaneKind.Presence => "presence",
        LaneKind.ContactProfile => "profile",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a lane kind"),
    };

    public static LaneKind Parse(string name) => name switch
    {
        "chat" => LaneKind.WhatsAppChat,
        "reply" => LaneKind.AgentReplies,
        "status" => LaneKind.MessageStatus,
        "presence" => LaneKind.Presence,
        "profile" => LaneKind.ContactProfile,
        _ => throw new InvalidOperationException($"unknown lane kind '{name}' in the outbox"),
    };
}
