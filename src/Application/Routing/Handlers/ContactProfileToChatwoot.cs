using RyzeApi.Application.Outbox;
using RyzeApi.Application.Routing.Delivery;
using RyzeApi.Application.Routing.Model;

namespace RyzeApi.Application.Routing.Handlers;

/// <summary>Sets a new contact's WhatsApp picture (<c>avatar_url</c>) and, when the event gave no name, its profile
/// name. A picture is a nicety: a refusal by the engine or Chatwoot skips it (the integration's health is not
/// touched) and a few retries are all it gets; no message waits for it.</summary>
public sealed class ContactProfileToChatwoot(IEngineProfiles engine, IChatwootMessaging chatwoot) : IDeliveryHandler<ContactProfile>
{
    private const int Attempts = 3;

    public int MaxAttempts(int configured) => Math.Min(configured, Attempts);

    public async Task<DeliveryOutcome> DeliverAsync(DeliveryContext context, Claimed<ContactProfile> item, CancellationToken cancellationToken)
    {
        var wanted = item.Delivery;
        WhatsAppProfile profile;
        try
        {
            profile = await engine.GetProfileAsync(context.InstanceName, wanted.Number, cancellationToken);
        }
        catch (ApplicationFailure exception) when (exception.FailureKind is FailureKind.EngineRejected or FailureKind.EngineUnavailable or FailureKind.EngineAnswerUnreadable)
        {
            // The engine's health is the replies' business: a picture never pauses the integration.
            return new DeliveryOutcome.Skipped($"the engine gave no profile for this contact: {exception.Message}");
        }

        var change = new ChatwootContactChange(Name: wanted.NameFromEvent ? null : profile.Name, AvatarUrl: profile.PictureUrl);
        if (change.Name is null && change.AvatarUrl is null)
        {
            return new DeliveryOutcome.Skipped("the contact has no WhatsApp picture or profile name to show");
        }

        try
        {
            await chatwoot.UpdateContactAsync(context.Chatwoot, wanted.ContactId, change, cancellationToken);
        }
        catch (UpstreamRejectedException exception) when (exception.UpstreamStatus is 404 or 422)
        {
            // The contact was deleted or merged meanwhile, or Chatwoot refused the picture: nothing is lost.
            return new DeliveryOutcome.Skipped($"Chatwoot did not take the contact's picture: {exception.Message}");
        }
        catch (ApplicationFailure exception) when (item.Attempts >= Attempts && exception.FailureKind is FailureKind.UpstreamUnavailable or FailureKind.TimedOut)
        {
            // Given up without marking the integration in error: the messages are what its health is about.
            return new DeliveryOutcome.Skipped($"Chatwoot was unavailable for the contact's picture: {exception.Message}");
        }

        return new DeliveryOutcome.Delivered(null, null);
    }

    /// <summary>The follow-up that brings a contact created by this delivery its picture and name; null otherwise.</summary>
    public static DeliveryOutcome After(DeliveryOutcome outcome, DeliveryContext context, WhatsAppMessage message, RoutedChat chat) =>
        outcome is DeliveryOutcome.Delivered { FollowUp: null } delivered && chat.ContactIsNew && !message.IsGroup
            ? delivered with
            {
                FollowUp = NewOutboxItem.For(context.Integration.Id, new ContactProfile(chat.ContactId, chat.ReplyJid, ChatResolver.ContactName(message) is not null)),
            }
            : outcome;
}
