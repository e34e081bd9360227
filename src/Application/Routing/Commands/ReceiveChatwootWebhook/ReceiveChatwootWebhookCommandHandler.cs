using System.Security.Cryptography;
using RyzeApi.Application.Chatwoot;
using RyzeApi.Application.Common.Security;
using RyzeApi.Application.Routing.Ingress;
using RyzeApi.Application.Routing.Model;

namespace RyzeApi.Application.Routing.Commands.ReceiveChatwootWebhook;

/// <summary>Verifies the call (URL secret, then signature when the inbox has a signing secret), records what an agent
/// did (a reply, a deletion, typing) in the outbox and returns at once: Chatwoot does not retry and gives up after 5 s.</summary>
public sealed class ReceiveChatwootWebhookCommandHandler(
    IRoutingIntegrations integrations, IRoutingRepository routing, IOutbox outbox, IOutboxSignal signal,
    ITokenProtector protector, KnownConversations knownConversations, TimeProvider timeProvider)
    : ICommandHandler<ReceiveChatwootWebhookCommand, IngressResult>
{
    public const string NotFoundMessage = "webhook not found - the integration was deactivated or replaced; activate it again to get a new webhook URL";
    public async ValueTask<IngressResult> Handle(ReceiveChatwootWebhookCommand command, CancellationToken cancellationToken)
    {
        // Parsed before the call is verified, so one database round trip can bring the credentials together with
        // the link and chat of the ids the body names; nothing from the body is used, nor its errors reported,
        // until the secret and the signature check out.
        if (!BridgeIntegrationId.IsWellFormed(command.IntegrationId))
        {
            throw new NotFoundException(NotFoundMessage);
        }

        var (parsed, malformed) = TryParse(command.Body);
        if (await TryRecordKnownReplyAsync(command, parsed, cancellationToken))
        {
            return IngressResult.Recorded();
        }

        var lookup = await integrations.FindWebhookAsync(command.IntegrationId, parsed?.MessageId, parsed?.ConversationId, cancellationToken);
        if (lookup is null || !SecretMatches(command, lookup.Credentials))
        {
            throw new NotFoundException(NotFoundMessage);
        }

        var credentials = lookup.Credentials;
        if (SignatureProblem(command, credentials) is { } problem)
        {
            throw new UnauthorizedException("invalid webhook signature: " + problem);
        }

        if (parsed is null)
        {
            throw malformed!;
        }

        if (parsed.IgnoredBecause is { } reason)
        {
            return IngressResult.NotRouted(reason);
        }

        if (parsed.Name == "conversation_status_changed")
        {
            // Kept current here so routing a new WhatsApp message needs no Chatwoot call to decide.
            await routing.SetConversationStatusAsync(credentials.IntegrationId, parsed.ConversationId!.Value, parsed.ConversationStatus ?? ConversationStatuses.Open, cancellationToken);
            return IngressResult.Recorded();
        }

        if (parsed.Typing is { } typing)
        {
            return await RecordPresenceAsync(credentials, lookup.Chat, typing, cancellationToken);
        }

        if (parsed.Deleted)
        {
            return await RecordDeletionAsync(credentials, lookup, parsed, cancellationToken);
        }

        switch (lookup.LinkDirection)
        {
            case MessageDirection.ToChatwoot:
                return IngressResult.NotRouted("echo of a message RyzeApi created");
            case MessageDirection.ToWhatsApp:
                // Already sent (its outbox row may be purged by now): Chatwoot delivered the same message again.
                return IngressResult.AlreadyRecorded();
        }

        if (lookup.Chat is not { } chat)
        {
            return IngressResult.NotRouted($"conversation {parsed.ConversationId} is not one RyzeApi routes");
        }

        knownConversations.Remember(credentials, parsed.ConversationId!.Value, chat.ChatJid);
        // Several attachments are recorded as one reply each, together, so each is sent and retried alone.
        var parts = Reply(parsed, chat.ChatJid).Split();
        var recorded = parts.Count == 1
            ? await outbox.EnqueueAsync(credentials.IntegrationId, parts[0], cancellationToken)
            : await outbox.EnqueueAllAsync(credentials.IntegrationId, parts, cancellationToken);
        if (!recorded)
        {
            return IngressResult.AlreadyRecorded();
        }

        signal.Notify();
        return IngressResult.Recorded();
    }

    // The short way, for an agent reply in a conversation this process has seen: checked against what it learnt, and
    // recorded only if PostgreSQL finds all of that still true. Anything else (a call that does not check out, a reply
    // that is a duplicate or an echo, credentials changed) goes the long way, which alone gives errors and other outcomes.
    private async Task<bool> TryRecordKnownReplyAsync(ReceiveChatwootWebhookCommand command, ChatwootWebhookEvent? parsed, CancellationToken cancellationToken)
    {
        if (parsed is not { Name: "message_created", IgnoredBecause: null, MessageId: { } messageId, ConversationId: { } conversationId, Attachments.Count: <= 1 }
            || knownConversations.Find(command.IntegrationId, conversationId) is not { } known
            || !SecretMatches(command, known.Credentials)
            || SignatureProblem(command, known.Credentials) is not null)
        {
            return false;
        }

        if (!await outbox.EnqueueKnownReplyAsync(Reply(parsed, known.ChatJid), new KnownReply(known.Credentials, messageId, conversationId, known.ChatJid), cancellationToken))
        {
            return false;
        }

        signal.Notify();
        return true;
    }

    // Typing goes in the chat's presence lane: never behind its messages, and not recorded for a conversation RyzeApi does not route.
    private async Task<IngressResult> RecordPresenceAsync(WebhookCredentials credentials, RoutedChat? chat, bool typing, CancellationToken cancellationToken)
    {
        if (chat is null)
        {
            return IngressResult.NotRouted("typing in a conversation RyzeApi does not route");
        }

        await outbox.EnqueueAsync(credentials.IntegrationId, new ChatPresence(chat.ChatJid, typing, timeProvider.GetUtcNow()), cancellationToken);
        signal.Notify();
        return IngressResult.Recorded();
    }

    // Only what RyzeApi sent can be revoked: a message it created in Chatwoot (the customer's) is never deleted in
    // WhatsApp. A message with no link yet may still be on its way: the deletion queues behind it and finds out then.
    private async Task<IngressResult> RecordDeletionAsync(
        WebhookCredentials credentials, WebhookLookup lookup, ChatwootWebhookEvent parsed, CancellationToken cancellationToken)
    {
        if (lookup.LinkDirection == MessageDirection.ToChatwoot)
        {
            return IngressResult.NotRouted(ChatwootWebhookParser.OwnMessageDeleted);
        }

        if (lookup.Chat is not { } chat)
        {
            return IngressResult.NotRouted($"conversation {parsed.ConversationId} is not one RyzeApi routes");
        }

        var deletion = new AgentDeletion(parsed.MessageId!.Value, parsed.ConversationId!.Value, chat.ChatJid);
        if (!await outbox.EnqueueAsync(credentials.IntegrationId, deletion, cancellationToken))
        {
            return IngressResult.AlreadyRecorded();
        }

        signal.Notify();
        return IngressResult.Recorded();
    }

    private static bool SecretMatches(ReceiveChatwootWebhookCommand command, WebhookCredentials credentials) =>
        CryptographicOperations.FixedTimeEquals(SecretTokens.Hash(command.Secret), credentials.WebhookSecretHash);

    private string? SignatureProblem(ReceiveChatwootWebhookCommand command, WebhookCredentials credentials)
    {
        if (credentials.InboxSecret is not { } protectedSecret)
        {
            return null;
        }

        var secret = protector.Unprotect(protectedSecret, ChatwootActivator.InboxSecretAssociatedData(credentials.IntegrationId));
        return WebhookSignature.Check(secret, command.Timestamp, command.Signature, command.Body, timeProvider.GetUtcNow());
    }

    private static AgentReply Reply(ChatwootWebhookEvent parsed, string chatJid) =>
        new(parsed.MessageId!.Value, parsed.ConversationId!.Value, chatJid, parsed.Content, parsed.AgentName, parsed.Attachments,
            parsed.QuotedWhatsAppId, parsed.QuotedChatwootMessageId);

    private static (ChatwootWebhookEvent? Parsed, ValidationException? Malformed) TryParse(byte[] body)
    {
        try
        {
            return (ChatwootWebhookParser.Parse(body), null);
        }
        catch (ValidationException exception)
        {
            return (null, exception);
        }
    }
}
