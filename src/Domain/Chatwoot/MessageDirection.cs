namespace RyzeApi.Domain.Chatwoot;

/// <summary>How a WhatsApp message and a Chatwoot message came to be linked: RyzeApi created the Chatwoot message
/// for a WhatsApp one (<see cref="ToChatwoot"/>), or sent the WhatsApp message for an agent's (<see cref="ToWhatsApp"/>).</summary>
public enum MessageDirection
{
    ToChatwoot,
    ToWhatsApp,
}

/// <summary>The storage names of <see cref="MessageDirection"/> (<c>message_links.direction</c>).</summary>
public static class MessageDirectionNames
{
    public static string ToName(this MessageDirection direction) => direction switch
    {
        MessageDirection.ToChatwoot => "to_chatwoot",
        MessageDirection.ToWhatsApp => "to_whatsapp",
        _ => throw new ArgumentOutOfRangeException(nameof(direction), direction, null),
    };

    public static MessageDirection Parse(string name) => name switch
    {
        "to_chatwoot" => MessageDirection.ToChatwoot,
        "to_whatsapp" => MessageDirection.ToWhatsApp,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown message direction"),
    };
}
