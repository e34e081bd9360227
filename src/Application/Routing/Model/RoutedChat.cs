namespace RyzeApi.Application.Routing.Model;

/// <summary>What RyzeApi remembers about one WhatsApp chat in one integration: its Chatwoot contact and
/// contact inbox (created once), and its current conversation with the last status we know of.</summary>
public sealed record RoutedChat(
    string IntegrationId, string ChatJid, long ContactId, string ContactSourceId, long? ConversationId, string? ConversationStatus);
