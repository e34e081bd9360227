using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace RyzeApi.Testing.Chatwoot;

/// <summary>Api::V1::Accounts::ConversationsController#create, #show and #toggle_status. Statuses Chatwoot's enum
/// does not know raise ArgumentError, which nothing rescues: 500.</summary>
internal static class ConversationEndpoints
{
    private const string Collection = "/api/v1/accounts/{accountId}/conversations";

    public static void Map(IEndpointRouteBuilder routes, FakeChatwootState state)
    {
        routes.MapPost(Collection, context => CreateAsync(context, state));
        routes.MapGet(Collection + "/{conversationId}", context => ShowAsync(context, state));
        routes.MapPost(Collection + "/{conversationId}/toggle_status", context => ToggleStatusAsync(context, state));
    }

    /// <summary>The before_actions in order: inbox (404, then 401 for an agent), contact (404), then the contact
    /// inbox: built from inbox, contact and <c>source_id</c>, where a missing source id makes a new one; without
    /// inbox or contact, looked up by <c>source_id</c> alone (404).</summary>
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

        ChatwootParams.TryScalar(parameters, "inbox_id", out var inboxId);
        ChatwootParams.TryScalar(parameters, "contact_id", out var contactId);
        ChatwootParams.TryScalar(parameters, "source_id", out var sourceId);
        ChatwootParams.TryScalar(parameters, "status", out var status);
        sourceId = string.IsNullOrWhiteSpace(sourceId) ? null : sourceId;
        FakeInbox? inbox = null;
        if (!string.IsNullOrWhiteSpace(inboxId) && (inbox = await ConversationAccess.FindInboxAsync(context, state, caller, inboxId)) is null)
        {
            return;
        }

        FakeContact? contact = null;
        if (!string.IsNullOrWhiteSpace(contactId)
            && (!long.TryParse(contactId, out var id) || (contact = state.Messaging.FindContact(caller.AccountId, id)) is null))
        {
            await ChatwootReply.JsonAsync(context, StatusCodes.Status404NotFound, ChatwootErrors.ResourceNotFound);
            return;
        }

        FakeContactInbox? contactInbox;
        if (inbox is not null && contact is not null)
        {
            var origin = sourceId is null ? ContactInboxOrigin.ConversationWithoutSourceId : ContactInboxOrigin.ConversationCreate;
            if ((contactInbox = state.Messaging.FindOrCreateContactInbox(contact.Id, inbox.Id, sourceId, origin)) is null)
            {
                await ChatwootReply.JsonAsync(context, StatusCodes.Status422UnprocessableEntity, """{"error":"source_id should be unique"}""");
                return;
            }
        }
        else if (sourceId is null
            || (contactInbox = state.Messaging.FindContactInboxBySource(sourceId, state.InboxIdsOf(caller.AccountId))) is null)
        {
            await ChatwootReply.JsonAsync(context, StatusCodes.Status404NotFound, ChatwootErrors.ResourceNotFound);
            return;
        }
        else if (!caller.IsAdministrator)
        {
            await ChatwootReply.JsonAsync(context, StatusCodes.Status401Unauthorized, ChatwootErrors.NotAuthorizedAction);
            return;
        }

        status = string.IsNullOrWhiteSpace(status) ? "open" : status;
        if (!MessagingStore.ConversationStatuses.Contains(status))
        {
            await ChatwootReply.JsonAsync(context, StatusCodes.Status500InternalServerError, ChatwootErrors.InternalServerError);
            return;
        }

        var conversation = state.Messaging.CreateConversation(caller.AccountId, contactInbox, status);
        state.Webhooks.OnConversationCreated(conversation);
        await ChatwootReply.JsonAsync(context, StatusCodes.Status200OK, ConversationJson.Render(state, conversation));
    }

    private static async Task ShowAsync(HttpContext context, FakeChatwootState state)
    {
        if (await ConversationAccess.FindAsync(context, state) is not (_, var conversation))
        {
            return;
        }

        await ChatwootReply.JsonAsync(context, StatusCodes.Status200OK, ConversationJson.Render(state, conversation));
    }

    /// <summary>With <c>status</c>, sets it; without, Conversation#toggle_status (open ↔ resolved, pending and
    /// snoozed to open). A change fires <c>conversation_status_changed</c>.</summary>
    private static async Task ToggleStatusAsync(HttpContext context, FakeChatwootState state)
    {
        if (await ConversationAccess.FindAsync(context, state) is not (_, var conversation))
        {
            return;
        }

        if (await ChatwootParams.ReadOrRejectAsync(context) is not { } parameters)
        {
            return;
        }

        ChatwootParams.TryScalar(parameters, "status", out var status);
        status = string.IsNullOrWhiteSpace(status) ? (conversation.Status == "open" ? "resolved" : "open") : status;
        if (!MessagingStore.ConversationStatuses.Contains(status))
        {
            await ChatwootReply.JsonAsync(context, StatusCodes.Status500InternalServerError, ChatwootErrors.InternalServerError);
            return;
        }

        var change = state.Messaging.SetStatus(conversation.Id, status);
        var current = change?.After ?? conversation;
        if (change is { Changed: true } changed)
        {
            state.Webhooks.OnConversationStatusChanged(changed.After, changed.Before.Status);
        }

        await ChatwootReply.JsonAsync(context, StatusCodes.Status200OK, new JsonObject
        {
            ["meta"] = new JsonObject(),
            ["payload"] = new JsonObject
            {
                ["success"] = true,
                ["conversation_id"] = current.Id,
                ["current_status"] = current.Status,
                ["snoozed_until"] = null,
            },
        });
    }
}
