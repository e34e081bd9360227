using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace RyzeApi.Testing.Chatwoot;

/// <summary>ContactsController#update (PUT and PATCH), Actions::ContactMergesController#create and
/// Contacts::ConversationsController#index. An unknown contact is a 404 (<c>contacts.find</c>); an invalid update a
/// 422 with Rails' full messages.</summary>
internal static class ContactChangeEndpoints
{
    private const string Contact = "/api/v1/accounts/{accountId}/contacts/{contactId}";

    public static void Map(IEndpointRouteBuilder routes, FakeChatwootState state)
    {
        routes.MapPut(Contact, context => UpdateAsync(context, state));
        routes.MapPatch(Contact, context => UpdateAsync(context, state));
        routes.MapPost("/api/v1/accounts/{accountId}/actions/contact_merge", context => MergeAsync(context, state));
        routes.MapGet(Contact + "/conversations", context => ConversationsAsync(context, state));
    }

    /// <summary>update.json.jbuilder: <c>{"payload": contact}</c>.</summary>
    private static async Task UpdateAsync(HttpContext context, FakeChatwootState state)
    {
        if (await FindAsync(context, state) is not (_, var contact) || await ChatwootParams.ReadOrRejectAsync(context) is not { } parameters)
        {
            return;
        }

        string? Field(string name) => ChatwootParams.TryScalar(parameters, name, out var value) ? value ?? string.Empty : null;
        if (state.Messaging.UpdateContact(contact.Id, Field("name"), Field("identifier"), Field("phone_number"), Field("avatar_url"), out var errors) is not { } updated)
        {
            await ChatwootReply.JsonAsync(context, StatusCodes.Status422UnprocessableEntity, ChatwootErrors.Validation(errors.Messages, errors.Attributes));
            return;
        }

        await ChatwootReply.JsonAsync(context, StatusCodes.Status200OK, new JsonObject { ["payload"] = ContactJson.Render(state, updated, withContactInboxes: false) });
    }

    /// <summary>Both contacts are found in the account first (404 otherwise); the answer is the base contact.</summary>
    private static async Task MergeAsync(HttpContext context, FakeChatwootState state)
    {
        if (await ChatwootAuth.AuthorizeAsync(context, state) is not { } caller || await ChatwootParams.ReadOrRejectAsync(context) is not { } parameters)
        {
            return;
        }

        ChatwootParams.TryScalar(parameters, "base_contact_id", out var baseId);
        ChatwootParams.TryScalar(parameters, "mergee_contact_id", out var mergeeId);
        if (!long.TryParse(baseId, out var b) || state.Messaging.FindContact(caller.AccountId, b) is not { } baseContact
            || !long.TryParse(mergeeId, out var m) || state.Messaging.FindContact(caller.AccountId, m) is null)
        {
            await ChatwootReply.JsonAsync(context, StatusCodes.Status404NotFound, ChatwootErrors.ResourceNotFound);
            return;
        }

        state.Messaging.MergeContacts(baseContact.Id, m);
        await ChatwootReply.JsonAsync(context, StatusCodes.Status200OK, ContactJson.Render(state, baseContact, withContactInboxes: false));
    }

    /// <summary>index.json.jbuilder: <c>{"payload": [conversation, ...]}</c>, in the caller's inboxes only.</summary>
    private static async Task ConversationsAsync(HttpContext context, FakeChatwootState state)
    {
        if (await FindAsync(context, state) is not (var caller, var contact))
        {
            return;
        }

        var conversations = state.Messaging.ConversationsOfContact(contact.Id, state.InboxIdsOf(caller.AccountId));
        await ChatwootReply.JsonAsync(context, StatusCodes.Status200OK, new JsonObject
        {
            ["payload"] = new JsonArray([.. conversations.Select(c => (JsonNode)ConversationJson.Render(state, c))]),
        });
    }

    private static async Task<(ChatwootCaller Caller, FakeContact Contact)?> FindAsync(HttpContext context, FakeChatwootState state)
    {
        if (await ChatwootAuth.AuthorizeAsync(context, state) is not { } caller)
        {
            return null;
        }

        if (!ChatwootAuth.TryParseId(context, "contactId", out var contactId) || state.Messaging.FindContact(caller.AccountId, contactId) is not { } contact)
        {
            await ChatwootReply.JsonAsync(context, StatusCodes.Status404NotFound, ChatwootErrors.ResourceNotFound);
            return null;
        }

        return (caller, contact);
    }
}
