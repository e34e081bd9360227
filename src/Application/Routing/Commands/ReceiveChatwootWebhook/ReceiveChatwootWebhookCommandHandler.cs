using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Mediator;
using RyzeApi.Application.Chatwoot;
using RyzeApi.Application.Common.Abstractions;
using RyzeApi.Application.Common.Exceptions;
using RyzeApi.Application.Common.Security;
using RyzeApi.Application.Routing.Ingress;
using RyzeApi.Application.Routing.Model;

namespace RyzeApi.Application.Routing.Commands.ReceiveChatwootWebhook;

/// <summary>Verifies the call (URL secret, then signature when the inbox has a signing secret), records an
/// agent reply in the outbox and returns at once: Chatwoot does not retry and gives up after 5 s.</summary>
public sealed class ReceiveChatwootWebhookCommandHandler(
    IRoutingIntegrations integrations, IRoutingRepository routing, IOutbox outbox, IOutboxSignal signal,
    ITokenProtector protector, TimeProvider timeProvider)
    : ICommandHandler<ReceiveChatwootWebhookCommand, IngressResult>
{
    public const string NotFoundMessage = "webhook not found - the integration was deactivated or replaced; activate it again to get a new webhook URL";
    private readonly IRoutingIntegrations _integrations = integrations;
    private readonly IRoutingRepository _routing = routing;
    private readonly IOutbox _outbox = outbox;
    private readonly IOutboxSignal _signal = signal;
    private readonly ITokenProtector _protector = protector;
    private readonly TimeProvider _timeProvider = timeProvider;

    public async ValueTask<IngressResult> Handle(ReceiveChatwootWebhookCommand command, CancellationToken cancellationToken)
    {
        // Parsed before the call is verified, so one database round trip can bring the credentials together with
        // the link and chat of the ids the body names; nothing from the body is used, nor its errors reported,
        // until the secret and the signature check out.
        var (parsed, malformed) = TryParse(command.Body);
        var lookup = await _integrations.FindWebhookAsync(command.IntegrationId, parsed?.MessageId, parsed?.ConversationId, cancellationToken);
        if (lookup is null
            || !CryptographicOperations.FixedTimeEquals(SecretTokens.Hash(command.Secret), lookup.Credentials.WebhookSecretHash))
        {
            throw new NotFoundException(NotFoundMessage);
        }

        var credentials = lookup.Credentials;
        if (credentials.InboxSecret is { } protectedSecret)
        {
            var secret = _protector.Unprotect(protectedSecret, ChatwootActivator.InboxSecretAssociatedData(credentials.IntegrationId));
            if (WebhookSignature.Check(secret, command.Timestamp, command.Signature, command.Body, _timeProvider.GetUtcNow()) is { } problem)
            {
                throw new UnauthorizedException("invalid webhook signature: " + problem);
            }
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
            await _routing.SetConversationStatusAsync(credentials.IntegrationId, parsed.ConversationId!.Value, parsed.ConversationStatus ?? "open", cancellationToken);
            return IngressResult.Recorded();
        }

        switch (lookup.LinkDirection)
        {
            case MessageLink.ToChatwoot:
                return IngressResult.NotRouted("echo of a message RyzeApi created");
            case MessageLink.ToWhatsApp:
                // Already sent (its outbox row may be purged by now): Chatwoot delivered the same message again.
                return IngressResult.AlreadyRecorded();
        }

        if (lookup.Chat is not { } chat)
        {
            return IngressResult.NotRouted($"conversation {parsed.ConversationId} is not one RyzeApi routes");
        }

        var reply = new AgentReply(parsed.MessageId!.Value, parsed.ConversationId!.Value, chat.ChatJid, parsed.Content, parsed.AgentName, parsed.Attachments);
        var item = new NewOutboxItem(credentials.IntegrationId, OutboxKind.AgentReply, OutboxKeys.ReplyLane(chat.ChatJid), "cw:" + reply.ChatwootMessageId,
            JsonSerializer.Serialize(reply));
        if (!await _outbox.EnqueueAsync(item, cancellationToken))
        {
            return IngressResult.AlreadyRecorded();
        }

        _signal.Notify();
        return IngressResult.Recorded();
    }

    private static (ChatwootWebhookEvent? Parsed, ValidationException? Malformed) TryParse(byte[] body)
    {
        try
        {
            return (ChatwootWebhookParser.Parse(Encoding.UTF8.GetString(body)), null);
        }
        catch (ValidationException exception)
        {
            return (null, exception);
        }
    }
}
