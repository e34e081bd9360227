using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace RyzeApi.Testing.Chatwoot;

/// <summary>Api::V1::Accounts::ContactsController#create and #search, and Contacts::ContactInboxesController#create.
/// Agents may create and search contacts (ContactPolicy); a contact inbox needs InboxPolicy#show?.</summary>
internal static class ContactEndpoints
{
    private const string Collection = "/api/v1/accounts/{accountId}/contacts";
    private const int ResultsPerPage = 15;

    public static void Map(IEndpointRouteBuilder routes, FakeChatwootState state)
    {
        routes.MapPost(Collection, context => CreateAsync(context, state));
        routes.MapGet(Collection + "/search", context => SearchAsync(context, state));
        routes.MapPost(Collection + "/{contactId}/contact_inboxes", context => CreateContactInboxAsync(context, state));
    }

    /// <summary>The contact is saved (422 when invalid), then its contact inbox built in the same transaction:
    /// an unknown <c>inbox_id</c> is a 404 and leaves no contact behind.</summary>
    private static async Task CreateAsync(HttpContext context, FakeChatwootState state)
    {
        if (await ChatwootAuth.AuthorizeAsync(context, state) is not { } caller)
        {
            return;
        }

        if (await ChatwootParams.ReadOrRejectAsync(context) is not { } parameters)
        {
            return;
        }

        ChatwootParams.TryScalar(parameters, "name", out var name);
        ChatwootParams.TryScalar(parameters, "identifier", out var identifier);
        ChatwootParams.TryScalar(parameters, "phone_number", out var phoneNumber);
        ChatwootParams.TryScalar(parameters, "email", out var email);
        ChatwootParams.TryScalar(parameters, "inbox_id", out var inboxId);
        ChatwootParams.TryScalar(parameters, "source_id", out var sourceId);
        var (messages, attributes) = state.Messaging.Validate(caller.AccountId, name, identifier, phoneNumber, email);
        if (messages.Count > 0)
        {
            await ChatwootReply.JsonAsync(context, StatusCodes.Status422UnprocessableEntity, ChatwootErrors.Validation(messages, attributes));
            return;
        }

        FakeInbox? inbox = null;
        if (!string.IsNullOrWhiteSpace(inboxId)
            && (!long.TryParse(inboxId, out var id) || (inbox = state.FindInbox(caller.AccountId, id)) is null))
        {
            await ChatwootReply.JsonAsync(context, StatusCodes.Status404NotFound, ChatwootErrors.ResourceNotFound);
            return;
        }

        if (state.Messaging.CreateContact(caller.AccountId, name, identifier, phoneNumber, email, out var errors) is not { } contact)
        {
            await ChatwootReply.JsonAsync(context, StatusCodes.Status422UnprocessableEntity, ChatwootErrors.Validation(errors.Messages, errors.Attributes));
            return;
        }

        FakeContactInbox? contactInbox = null;
        if (inbox is not null
            && (contactInbox = state.Messaging.FindOrCreateContactInbox(contact.Id, inbox.Id, sourceId, ContactInboxOrigin.ContactCreate)) is null)
        {
            // ActiveRecord::RecordNotUnique is not rescued: the transaction rolls back and Rails answers 500.
            state.Messaging.RemoveContact(contact.Id);
            await ChatwootReply.JsonAsync(context, StatusCodes.Status500InternalServerError, ChatwootErrors.InternalServerError);
            return;
        }

        var payload = new JsonObject
        {
            ["contact"] = ContactJson.Render(state, contact),
            ["contact_inbox"] = new JsonObject
            {
                ["inbox"] = inbox is null ? null : ContactJson.InboxRecord(inbox),
                ["source_id"] = contactInbox?.SourceId,
            },
        };
        await ChatwootReply.JsonAsync(context, StatusCodes.Status200OK, new JsonObject { ["payload"] = payload });
    }

    /// <summary>Throttled by Rack::Attack before Rails sees the request; then a blank <c>q</c> is a 422.</summary>
    private static async Task SearchAsync(HttpContext context, FakeChatwootState state)
    {
        if (ChatwootAuth.TryParseId(context, "accountId", out var accountId) && !state.SearchThrottle.TryAcquire(accountId))
        {
            await ChatwootReply.WriteAsync(context, StatusCodes.Status429TooManyRequests, ContactSearchThrottle.Body, ContactSearchThrottle.ContentType);
            return;
        }

        if (await ChatwootAuth.AuthorizeAsync(context, state) is not { } caller)
        {
            return;
        }

        var query = context.Request.Query["q"].ToString();
        if (string.IsNullOrWhiteSpace(query))
        {
            await ChatwootReply.JsonAsync(context, StatusCodes.Status422UnprocessableEntity, """{"error":"Specify search string with parameter q"}""");
            return;
        }

        // @current_page = params[:page] || 1: the parameter's text when given.
        var pageParameter = context.Request.Query["page"].ToString();
        var page = int.TryParse(pageParameter, out var p) ? p : 1;
        var (total, contacts) = state.Messaging.Search(caller.AccountId, query.Trim(), page, ResultsPerPage);
        await ChatwootReply.JsonAsync(context, StatusCodes.Status200OK, new JsonObject
        {
            ["meta"] = new JsonObject
            {
                ["count"] = total,
                ["current_page"] = string.IsNullOrEmpty(pageParameter) ? 1 : pageParameter,
            },
            ["payload"] = new JsonArray([.. contacts.Select(c => (JsonNode)ContactJson.Render(state, c))]),
        });
    }

    private static async Task CreateContactInboxAsync(HttpContext context, FakeChatwootState state)
    {
        if (await ChatwootAuth.AuthorizeAsync(context, state) is not { } caller)
        {
            return;
        }

        if (!ChatwootAuth.TryParseId(context, "contactId", out var contactId) || state.Messaging.FindContact(caller.AccountId, contactId) is not { } contact)
        {
            await ChatwootReply.JsonAsync(context, StatusCodes.Status404NotFound, ChatwootErrors.ResourceNotFound);
            return;
        }

        if (await ChatwootParams.ReadOrRejectAsync(context) is not { } parameters)
        {
            return;
        }

        ChatwootParams.TryScalar(parameters, "inbox_id", out var inboxId);
        ChatwootParams.TryScalar(parameters, "source_id", out var sourceId);
        if (await ConversationAccess.FindInboxAsync(context, state, caller, inboxId) is not { } inbox)
        {
            return;
        }

        if (state.Messaging.FindOrCreateContactInbox(contact.Id, inbox.Id, sourceId, ContactInboxOrigin.ContactInboxesEndpoint) is not { } contactInbox)
        {
            await ChatwootReply.JsonAsync(context, StatusCodes.Status500InternalServerError, ChatwootErrors.InternalServerError);
            return;
        }

        await ChatwootReply.JsonAsync(context, StatusCodes.Status200OK, ContactJson.ContactInbox(contactInbox, inbox));
    }
}
