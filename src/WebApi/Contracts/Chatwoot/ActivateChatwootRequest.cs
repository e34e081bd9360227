using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using RyzeApi.Application.Chatwoot;
using RyzeApi.Domain.Chatwoot;

namespace RyzeApi.WebApi.Contracts.Chatwoot;

/// <summary>Body of <c>POST /api/chatwoot/set/{instance}</c>.</summary>
public sealed class ActivateChatwootRequest
{
    /// <summary>URL of the Chatwoot installation (RFC 3986, http or https). A trailing '/' is removed.</summary>
    /// <example>https://chatwoot.example.com</example>
    [Required]
    [DataType(DataType.Url)]
    [JsonPropertyName("chatwootBaseUrl")]
    public string? ChatwootBaseUrl { get; init; }

    /// <summary>Numeric id of the Chatwoot account; greater than 0.</summary>
    /// <example>5</example>
    [Required]
    [JsonPropertyName("chatwootAccountId")]
    public long? ChatwootAccountId { get; init; }

    /// <summary>API token (access_token) of a Chatwoot administrator. Encrypted at rest (AES-256-GCM);
    /// not returned here, returned in plaintext by <c>GET /api/chatwoot/list/{instance}</c>.</summary>
    /// <example>sk_live_abc123...</example>
    [Required]
    [JsonPropertyName("chatwootApiToken")]
    public string? ChatwootApiToken { get; init; }

    /// <summary>Name of the inbox to create in Chatwoot; <c>RyzeAPI</c> when omitted.</summary>
    /// <example>WhatsApp - Orion</example>
    [DefaultValue(ChatwootActivationFields.DefaultInboxName)]
    [JsonPropertyName("inboxName")]
    public string? InboxName { get; init; }

    /// <summary>Prefix messages sent by agents with the agent's name in bold.</summary>
    /// <example>true</example>
    [DefaultValue(false)]
    [JsonPropertyName("signMessages")]
    public bool? SignMessages { get; init; }

    /// <summary>Do not route group chats to Chatwoot.</summary>
    /// <example>false</example>
    [DefaultValue(false)]
    [JsonPropertyName("ignoreGroups")]
    public bool? IgnoreGroups { get; init; }

    /// <summary>Start new conversations as pending instead of open.</summary>
    /// <example>false</example>
    [DefaultValue(false)]
    [JsonPropertyName("startAsPending")]
    public bool? StartAsPending { get; init; }

    /// <summary>Reopen resolved conversations on a new message instead of starting a new one.</summary>
    /// <example>true</example>
    [DefaultValue(false)]
    [JsonPropertyName("reopenResolved")]
    public bool? ReopenResolved { get; init; }

    /// <summary>After an agent's reply is sent, mark the customer's WhatsApp chat read (as opening it on the phone
    /// would), so the customer sees their messages read. On when omitted.</summary>
    /// <example>true</example>
    [DefaultValue(true)]
    [JsonPropertyName("markReadOnReply")]
    public bool? MarkReadOnReply { get; init; }

    public ChatwootActivationFields ToFields() => new(
        ChatwootBaseUrl, ChatwootAccountId, ChatwootApiToken, InboxName,
        new ChatwootSettings(SignMessages ?? false, IgnoreGroups ?? false, StartAsPending ?? false, ReopenResolved ?? false, MarkReadOnReply ?? true));
}
