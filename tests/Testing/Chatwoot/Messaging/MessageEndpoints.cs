using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace RyzeApi.Testing.Chatwoot;

/// <summary>Api::V1::Accounts::Conversations::MessagesController#index, #create and #update (the API-inbox
/// status update), behind Conversations::BaseController's lookup. Creating or updating a message fires the
/// webhooks Chatwoot would.</summary>
internal static class MessageEndpoints
{
    private const string Collection = "/api/v1/accounts/{accountId}/conversations/{conversationId}/messages";
    private const int ContentLimit = 150_000;

    public static void Map(IEndpointRouteBuilder routes, FakeChatwootState state)
    {
        routes.MapGet(Collection, context => IndexAsync(context, state));
        routes.MapPost(Collection, context => CreateAsync(context, state));
        routes.MapMethods(Collection + "/{messageId}", [HttpMethods.Patch, HttpMethods.Put], context => UpdateAsync(context, state));
    }

    /// <summary>MessageFinder: the latest 20; <c>before</c> the 20 before that id; <c>after</c> up to 100 after it.</summary>
    private static async Task IndexAsync(HttpContext context, FakeChatwootState state)
    {
        if (await ConversationAccess.FindAsync(context, state) is not (_, var conversation))
        {
            return;
        }

        var messages = state.Messaging.MessagesOf(conversation.Id);
        var before = Id(context.Request.Query["before"]);
        var after = Id(context.Request.Query["after"]);
        IEnumerable<FakeMessage> page = (after, before) switch
        {
            ({ } a, { } b) => messages.Where(m => m.Id >= a && m.Id < b).Take(1000),
            (null, { } b) => messages.Where(m => m.Id < b).TakeLast(20),
            ({ } a, null) => messages.Where(m => m.Id > a).Take(100),
            _ => messages.TakeLast(20),
        };
        var contact = state.Messaging.FindContact(conversation.AccountId, conversation.ContactId);
        await ChatwootReply.JsonAsync(context, StatusCodes.Status200OK, new JsonObject
        {
            ["meta"] = new JsonObject
            {
                ["labels"] = new JsonArray(),
                ["additional_attributes"] = new JsonObject(),
                ["contact"] = contact is null ? null : ContactJson.PushEventData(contact),
                ["agent_last_seen_at"] = null,
                ["assignee_last_seen_at"] = null,
            },
            ["payload"] = new JsonArray([.. page.Select(m => (JsonNode)MessageJson.Render(state, m))]),
        });
    }

    /// <summary>Messages::MessageBuilder: <c>message_type</c> defaults to outgoing (sent by the token's user), an
    /// incoming one is sent by the conversation's contact; any error is <c>render_could_not_create_error</c>, 422.</summary>
    private static async Task CreateAsync(HttpContext context, FakeChatwootState state)
    {
        if (await ConversationAccess.FindAsync(context, state) is not (var caller, var conversation))
        {
            return;
        }

        if (await MessageParams.ReadAsync(context) is not { } parameters)
        {
            await ChatwootReply.JsonAsync(context, StatusCodes.Status400BadRequest, ChatwootErrors.BadRequest);
            return;
        }

        var type = string.IsNullOrEmpty(parameters.MessageType) ? "outgoing" : parameters.MessageType;
        string? error = !FakeMessage.MessageTypes.Contains(type) ? $"'{type}' is not a valid message_type"
            : parameters.Content is { Length: > ContentLimit } ? $"Validation failed: Content is too long (maximum is {ContentLimit} characters)"
            : null;
        if (error is not null)
        {
            await ChatwootReply.JsonAsync(context, StatusCodes.Status422UnprocessableEntity, new JsonObject { ["error"] = error });
            return;
        }

        var (senderType, senderId) = type == "outgoing" || type == "activity" || type == "template"
            ? ("User", state.Messaging.UserForToken(Token(context)).Id)
            : ("Contact", conversation.ContactId);
        var message = new NewMessage(
            parameters.Content, type, ChatwootParams.ToBoolean(parameters.Private) ?? false, parameters.SourceId, senderType, senderId, parameters.Files,
            parameters.Reply);
        if (state.Messaging.CreateMessage(conversation.Id, message, state.BaseUrl) is not (var created, var reopened))
        {
            await ChatwootReply.JsonAsync(context, StatusCodes.Status404NotFound, ChatwootErrors.ResourceNotFound);
            return;
        }

        state.Webhooks.OnMessageCreated(created);
        if (reopened is var (before, after))
        {
            state.Webhooks.OnConversationStatusChanged(after, before.Status);
        }

        await ChatwootReply.JsonAsync(context, StatusCodes.Status200OK, MessageJson.Render(state, created));
    }

    /// <summary>Messages::StatusUpdateService, then the message as it now is (unchanged for an unknown status).</summary>
    private static async Task UpdateAsync(HttpContext context, FakeChatwootState state)
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
        ChatwootParams.TryScalar(parameters, "external_error", out var externalError);
        if (!ChatwootAuth.TryParseId(context, "messageId", out var messageId)
            || state.Messaging.UpdateStatus(conversation.Id, messageId, status, externalError) is not (var message, var changed))
        {
            await ChatwootReply.JsonAsync(context, StatusCodes.Status404NotFound, ChatwootErrors.ResourceNotFound);
            return;
        }

        if (changed)
        {
            state.Webhooks.OnMessageUpdated(message);
        }

        await ChatwootReply.JsonAsync(context, StatusCodes.Status200OK, MessageJson.Render(state, message));
    }

    private static long? Id(string? value) =>
        long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id) ? id : null;

    private static string Token(HttpContext context) =>
        new[] { "api_access_token", "api-access-token" }
            .Select(name => context.Request.Headers[name].ToString())
            .First(value => !string.IsNullOrWhiteSpace(value));
}
