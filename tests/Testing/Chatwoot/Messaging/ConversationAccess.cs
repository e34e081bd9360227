using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace RyzeApi.Testing.Chatwoot;

/// <summary>Conversations::BaseController's check order: the token and account, then
/// <c>conversations.find_by!(display_id:)</c> (404), then ConversationPolicy#show? (an agent of no inbox: 401).</summary>
internal static class ConversationAccess
{
    public static async Task<(ChatwootCaller Caller, FakeConversation Conversation)?> FindAsync(
        HttpContext context, FakeChatwootState state, string routeValue = "conversationId")
    {
        if (await ChatwootAuth.AuthorizeAsync(context, state) is not { } caller)
        {
            return null;
        }

        if (!ChatwootAuth.TryParseId(context, routeValue, out var id) || state.Messaging.FindConversation(caller.AccountId, id) is not { } conversation)
        {
            await ChatwootReply.JsonAsync(context, StatusCodes.Status404NotFound, ChatwootErrors.ResourceNotFound);
            return null;
        }

        if (!caller.IsAdministrator)
        {
            await ChatwootReply.JsonAsync(context, StatusCodes.Status401Unauthorized, ChatwootErrors.NotAuthorizedAction);
            return null;
        }

        return (caller, conversation);
    }

    /// <summary><c>Current.account.inboxes.find(id)</c> with InboxPolicy#show? after it; null once answered.</summary>
    public static async Task<FakeInbox?> FindInboxAsync(HttpContext context, FakeChatwootState state, ChatwootCaller caller, string? inboxId)
    {
        if (!long.TryParse(inboxId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || state.FindInbox(caller.AccountId, id) is not { } inbox)
        {
            await ChatwootReply.JsonAsync(context, StatusCodes.Status404NotFound, ChatwootErrors.ResourceNotFound);
            return null;
        }

        if (!caller.IsAdministrator)
        {
            await ChatwootReply.JsonAsync(context, StatusCodes.Status401Unauthorized, ChatwootErrors.NotAuthorizedAction);
            return null;
        }

        return inbox;
    }
}
