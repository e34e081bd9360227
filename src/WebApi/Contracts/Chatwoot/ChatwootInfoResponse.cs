using System.ComponentModel.DataAnnotations;
using RyzeApi.Application.Chatwoot.Queries.GetChatwootStatus;
using RyzeApi.Domain.Chatwoot;

namespace RyzeApi.WebApi.Contracts.Chatwoot;

/// <summary>200 of <c>GET /api/chatwoot/list/{instance}</c>.</summary>
public sealed class ChatwootInfoResponse
{
    /// <summary>Name of the instance.</summary>
    /// <example>suporte</example>
    [JsonPropertyName("instance_name")] public required string InstanceName { get; init; }

    /// <summary><c>active</c>; <c>paused</c> while deliveries are retried because Chatwoot is unavailable;
    /// <c>error</c> when something needs the user (token revoked, inbox deleted, deliveries given up).</summary>
    /// <example>active</example>
    [JsonPropertyName("status")] public required string Status { get; init; }

    /// <summary>Id of the integration; a new one at every activation.</summary>
    /// <example>int_xyz789abc</example>
    [JsonPropertyName("bridge_integration_id")] public required string BridgeIntegrationId { get; init; }

    /// <summary>URL of the Chatwoot installation, without a trailing '/'.</summary>
    /// <example>https://chatwoot.example.com</example>
    [DataType(DataType.Url)]
    [JsonPropertyName("chatwoot_base_url")] public required string ChatwootBaseUrl { get; init; }

    /// <summary>Numeric id of the Chatwoot account.</summary>
    /// <example>5</example>
    [JsonPropertyName("chatwoot_account_id")] public required long ChatwootAccountId { get; init; }

    /// <summary>The Chatwoot API token in plaintext (decrypted from storage).</summary>
    /// <example>sk_live_abc123...</example>
    [JsonPropertyName("chatwoot_api_token")] public required string ChatwootApiToken { get; init; }

    /// <summary>Id of the API-channel inbox RyzeApi created in Chatwoot.</summary>
    /// <example>42</example>
    [JsonPropertyName("chatwoot_inbox_id")] public required long ChatwootInboxId { get; init; }

    /// <summary>Name of that inbox.</summary>
    /// <example>WhatsApp - Orion</example>
    [JsonPropertyName("chatwoot_inbox_name")] public required string ChatwootInboxName { get; init; }

    /// <summary>Why <c>status</c> is <c>paused</c> or <c>error</c>; empty when healthy.</summary>
    /// <example></example>
    [JsonPropertyName("last_error")] public required string LastError { get; init; }

    /// <summary>The instance's WhatsApp session as the engine last reported it (<c>instance.state</c> events, or a
    /// send refused with <c>Instance is not connected to WhatsApp</c>): <c>connected</c>, <c>connecting</c>,
    /// <c>qr_ready</c>, <c>disconnected</c>, <c>logged_out</c>, <c>temp_banned</c>, or another state the engine names;
    /// <c>unknown</c> until it reported one. While it is not <c>connected</c>, replies to WhatsApp wait.</summary>
    /// <example>connected</example>
    [JsonPropertyName("whatsapp_state")] public required string WhatsAppState { get; init; }

    /// <summary>Since when the session has been in <c>whatsapp_state</c> (RFC 3339, UTC); null while it is <c>unknown</c>.</summary>
    /// <example>2026-04-20T10:16:02Z</example>
    [JsonPropertyName("whatsapp_state_since")] public required DateTimeOffset? WhatsAppStateSince { get; init; }

    /// <summary>RFC 3339, UTC.</summary>
    /// <example>2026-04-20T10:15:30Z</example>
    [JsonPropertyName("created_at")] public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Agents' replies are prefixed with the agent's name in bold.</summary>
    /// <example>true</example>
    [JsonPropertyName("sign_messages")] public required bool SignMessages { get; init; }

    /// <summary>Group chats are not routed to Chatwoot.</summary>
    /// <example>false</example>
    [JsonPropertyName("ignore_groups")] public required bool IgnoreGroups { get; init; }

    /// <summary>New conversations start as pending instead of open.</summary>
    /// <example>false</example>
    [JsonPropertyName("start_as_pending")] public required bool StartAsPending { get; init; }

    /// <summary>A new message reopens a resolved conversation instead of starting a new one.</summary>
    /// <example>true</example>
    [JsonPropertyName("reopen_resolved")] public required bool ReopenResolved { get; init; }

    /// <summary>An agent's reply marks the customer's WhatsApp chat read.</summary>
    /// <example>true</example>
    [JsonPropertyName("mark_read_on_reply")] public required bool MarkReadOnReply { get; init; }

    /// <summary>The integration's deliveries: pending, failed in the last 24 h, the oldest pending one's age, the last delivery.</summary>
    [JsonPropertyName("deliveries")] public required ChatwootDeliveriesInfo Deliveries { get; init; }

    public static ChatwootInfoResponse From(ChatwootStatusDto dto) => new()
    {
        InstanceName = dto.InstanceName,
        Status = dto.Status.ToName(),
        BridgeIntegrationId = dto.BridgeIntegrationId,
        ChatwootBaseUrl = dto.ChatwootBaseUrl,
        ChatwootAccountId = dto.ChatwootAccountId,
        ChatwootApiToken = dto.ChatwootApiToken,
        ChatwootInboxId = dto.ChatwootInboxId,
        ChatwootInboxName = dto.ChatwootInboxName,
        LastError = dto.LastError,
        WhatsAppState = dto.WhatsApp?.State ?? "unknown",
        WhatsAppStateSince = dto.WhatsApp?.Since,
        CreatedAt = dto.CreatedAt,
        SignMessages = dto.Settings.SignMessages,
        IgnoreGroups = dto.Settings.IgnoreGroups,
        StartAsPending = dto.Settings.StartAsPending,
        ReopenResolved = dto.Settings.ReopenResolved,
        MarkReadOnReply = dto.Settings.MarkReadOnReply,
        Deliveries = ChatwootDeliveriesInfo.From(dto.Deliveries ?? DeliveryCounts.None),
    };
}
