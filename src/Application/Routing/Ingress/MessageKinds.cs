using System.Text.Json;
using RyzeApi.Application.Routing.Model;

namespace RyzeApi.Application.Routing.Ingress;

/// <summary>What a message of each kind shows in Chatwoot (docs/api/en/engine-events.md, "Every kind of message in
/// Chatwoot"): its text and media, the message it is about (an edit's or deletion's original, in
/// <see cref="KindReading.EditedId"/>; a quote's, reaction's or vote's target, in <see cref="KindReading.ReplyToId"/>),
/// or why there is nothing to post.</summary>
internal static class MessageKinds
{
    public static KindReading Read(
        string type, bool isEdit, string id, string? text, WhatsAppMedia? media, JsonElement? content, JsonElement? message, JsonElement? data)
    {
        if (isEdit)
        {
            return new(text, media, EditTargets.Edited(id, content, message, data), null, null);
        }

        if (type == "message_revoke")
        {
            return new(text, media, EditTargets.Revoked(id, content, message, data), null, null);
        }

        var (quotedId, quotedText) = Quotes.Read(content, message, data);
        switch (type)
        {
            case "reaction":
                var reaction = Json.First("reaction", content, message, data);
                return Reactions.Emoji(content, reaction, text) is { Length: 0 }
                    ? new(null, null, null, null, null, "a removed reaction is not shown in Chatwoot")
                    : new(Reactions.Emoji(content, reaction, text), null, null, Reactions.Target(reaction) ?? quotedId, quotedText);
            case "poll_update" or "poll_vote":
                var vote = Json.First("vote", content, message, data);
                var chosen = PollVotes.Render(vote, Json.First("selectedOptions", content, message, data));
                return new(chosen, null, null, PollVotes.Poll(vote, content, message, data) ?? quotedId, null);
            case "location" or "live_location":
                text = Locations.Render(content, Json.First("location", message, data), text);
                break;
            case "poll":
                text = Polls.Render(Json.First("poll", content, message, data), text);
                break;
            case "contact" or "contacts" when media is null && ContactCards.Render(content, message, data) is { } cards:
                (text, media) = cards;
                break;
        }

        return new(text, media, null, quotedId, quotedText);
    }
}

/// <summary>A message's kind read: see <see cref="MessageKinds"/>.</summary>
internal sealed record KindReading(
    string? Text, WhatsAppMedia? Media, string? EditedId, string? ReplyToId, string? QuotedText, string? IgnoredBecause = null);
