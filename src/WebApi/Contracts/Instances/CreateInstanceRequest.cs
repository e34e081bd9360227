using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using RyzeApi.Application.Chatwoot;
using RyzeApi.Domain.Chatwoot;

namespace RyzeApi.WebApi.Contracts.Instances;

/// <summary>Body of <c>POST /api/instance/new</c>, with an optional inline Chatwoot activation.</summary>
public sealed class CreateInstanceRequest
{
    /// <summary>1 to 64 letters, digits, '-' or '_'; unique on the server.</summary>
    /// <example>suporte</example>
    [Required]
    [JsonPropertyName("name")] public string? Name { get; init; }

    /// <summary>A custom TokenInstance (16 to 256 visible ASCII characters, unique); generated when omitted.</summary>
    /// <example>my-own-instance-token-0123456789</example>
    [JsonPropertyName("token")] public string? Token { get; init; }

    /// <summary>Activate Chatwoot together with the instance. A failed activation does not fail the creation.</summary>
    /// <example>false</example>
    [DefaultValue(false)]
    [JsonPropertyName("chatwootEnabled")] public bool? ChatwootEnabled { get; init; }

    /// <summary>As <c>chatwootBaseUrl</c> of the activation; required when chatwootEnabled.</summary>
    /// <example>https://chatwoot.example.com</example>
    [DataType(DataType.Url)]
    [JsonPropertyName("chatwootBaseUrl")] public string? ChatwootBaseUrl { get; init; }

    /// <summary>As <c>chatwootAccountId</c> of the activation; required when chatwootEnabled.</summary>
    /// <example>5</example>
    [JsonPropertyName("chatwootAccountId")] public long? ChatwootAccountId { get; init; }

    /// <summary>As <c>chatwootApiToken</c> of the activation; required when chatwootEnabled.</summary>
    /// <example>sk_live_abc123...</example>
    [JsonPropertyName("chatwootApiToken")] public string? ChatwootApiToken { get; init; }

    /// <summary>As <c>inboxName</c> of the activation; <c>RyzeAPI</c> when omitted.</summary>
    /// <example>WhatsApp - Orion</example>
    [DefaultValue(ChatwootActivationFields.DefaultInboxName)]
    [JsonPropertyName("chatwootInboxName")] public string? ChatwootInboxName { get; init; }

    /// <summary>As <c>signMessages</c> of the activation.</summary>
    /// <example>true</example>
    [DefaultValue(false)]
    [JsonPropertyName("chatwootSignMessages")] public bool? ChatwootSignMessages { get; init; }

    /// <summary>As <c>ignoreGroups</c> of the activation.</summary>
    /// <example>false</example>
    [DefaultValue(false)]
    [JsonPropertyName("chatwootIgnoreGroups")] public bool? ChatwootIgnoreGroups { get; init; }

    /// <summary>As <c>startAsPending</c> of the activation.</summary>
    /// <example>false</example>
    [DefaultValue(false)]
    [JsonPropertyName("chatwootStartAsPending")] public bool? ChatwootStartAsPending { get; init; }

    /// <summary>As <c>reopenResolved</c> of the activation.</summary>
    /// <example>false</example>
    [DefaultValue(false)]
    [JsonPropertyName("chatwootReopenResolved")] public bool? ChatwootReopenResolved { get; init; }

    /// <summary>As <c>markReadOnReply</c> of the activation; on when omitted.</summary>
    /// <example>true</example>
    [DefaultValue(true)]
    [JsonPropertyName("chatwootMarkReadOnReply")] public bool? ChatwootMarkReadOnReply { get; init; }

    public ChatwootActivationFields? ToChatwootFields() => ChatwootEnabled == true
        ? new ChatwootActivationFields(
            ChatwootBaseUrl, ChatwootAccountId, ChatwootApiToken, ChatwootInboxName,
            new ChatwootSettings(
                ChatwootSignMessages ?? false, ChatwootIgnoreGroups ?? false, ChatwootStartAsPending ?? false, ChatwootReopenResolved ?? false,
                ChatwootMarkReadOnReply ?? true))
        : null;
}
