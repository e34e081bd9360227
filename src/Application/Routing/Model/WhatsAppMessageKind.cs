using System.Text.Json.Serialization;

namespace RyzeApi.Application.Routing.Model;

/// <summary>What a WhatsApp message is, as routing treats it. Stored in outbox payloads under these lowercase names,
/// the names rows recorded before this type existed carry.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<WhatsAppMessageKind>))]
public enum WhatsAppMessageKind
{
    /// <summary>Text only.</summary>
    [JsonStringEnumMemberName("text")]
    Text,

    /// <summary>A file (image, audio, video, document, sticker), with or without a caption.</summary>
    [JsonStringEnumMemberName("media")]
    Media,

    /// <summary>An edit of an earlier message.</summary>
    [JsonStringEnumMemberName("edit")]
    Edit,

    /// <summary>An earlier message deleted for everyone.</summary>
    [JsonStringEnumMemberName("revoke")]
    Revoke,

    /// <summary>A kind with no text or media RyzeApi can show: it becomes a private note naming the kind.</summary>
    [JsonStringEnumMemberName("unsupported")]
    Unsupported,
}
