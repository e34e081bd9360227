using System.Text.Json.Nodes;

namespace RyzeApi.Testing.Chatwoot;

/// <summary>What an agent does in the dashboard besides a plain reply: quoting a message, deleting one, typing.</summary>
public sealed partial class FakeChatwoot
{
    /// <summary>An agent replies quoting <paramref name="quotedMessageId"/> ("Reply to"): the <c>message_created</c>
    /// webhook carries <c>content_attributes</c> <c>{in_reply_to, in_reply_to_external_id}</c> as
    /// Messages::InReplyToMessageBuilder sets them (the quoted message's id and source id, found in the same
    /// conversation; both null when it is not there).</summary>
    public async Task<HttpResponseMessage> SendAgentQuotedReplyAsync(
        long conversationId, string? content, long quotedMessageId, string agentName = "Agent", IReadOnlyList<FakeFile>? attachments = null,
        CancellationToken cancellationToken = default)
    {
        var conversation = RequireConversation(conversationId);
        var quoted = _state.Messaging.FindMessage(conversationId, quotedMessageId);
        var agent = _state.Messaging.AgentNamed(agentName);
        var created = _state.Messaging.CreateMessage(
            conversation.Id, new NewMessage(content, "outgoing", false, null, "User", agent.Id, attachments ?? []), BaseUrl)!.Value.Message;
        var body = WebhookPayloads.Message(_state, created, conversation, WebhookPayloads.MessageCreated);
        body["content_attributes"] = new JsonObject { ["in_reply_to"] = quoted?.Id, ["in_reply_to_external_id"] = quoted?.SourceId };
        return await _state.Webhooks.SendBodyAsync(conversation.Id, created.Id, body, WebhookSigning, cancellationToken);
    }

    /// <summary>An agent deletes a message in the dashboard: the message becomes <c>This message was deleted</c> without
    /// attachments, and its <c>message_updated</c> webhook (<c>content_attributes: {deleted: true}</c>) is posted now.</summary>
    public async Task<HttpResponseMessage> DeleteMessageAsAgentAsync(long conversationId, long messageId, CancellationToken cancellationToken = default)
    {
        var deleted = _state.Messaging.MarkDeleted(conversationId, messageId)
            ?? throw new InvalidOperationException($"Conversation {conversationId} has no message {messageId}.");
        return await _state.Webhooks.SendMessageAsync(deleted, WebhookPayloads.MessageUpdated, WebhookSigning, cancellationToken);
    }

    /// <summary>An agent starts (<paramref name="on"/>) or stops typing in the conversation (a private note when
    /// <paramref name="isPrivate"/>): posts <c>conversation_typing_on</c>/<c>off</c> now.</summary>
    public Task<HttpResponseMessage> SendTypingAsync(
        long conversationId, bool on, string agentName = "Agent", bool isPrivate = false, CancellationToken cancellationToken = default)
    {
        var conversation = RequireConversation(conversationId);
        var body = WebhookPayloads.Typing(_state, conversation, _state.Messaging.AgentNamed(agentName), on, isPrivate);
        return _state.Webhooks.SendBodyAsync(conversation.Id, null, body, WebhookSigning, cancellationToken);
    }
}
