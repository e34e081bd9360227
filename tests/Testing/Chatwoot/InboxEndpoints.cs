using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace RyzeApi.Testing.Chatwoot;

/// <summary>Chatwoot's <c>/api/v1/accounts/{account_id}/inboxes</c> resource for API-channel inboxes, with
/// the statuses, bodies and check order of Api::V1::Accounts::InboxesController and InboxPolicy: agents see
/// no inbox (they are members of none) and may not create, update or delete one.</summary>
internal static class InboxEndpoints
{
    private const string Collection = "/api/v1/accounts/{accountId}/inboxes";
    private const string Member = Collection + "/{inboxId}";

    // InboxesController#create_channel's other types; the fake models only API channels.
    private static readonly string[] s_unsupportedChannelTypes = ["web_widget", "email", "line", "telegram", "whatsapp", "sms"];

    public static void Map(IEndpointRouteBuilder routes, FakeChatwootState state)
    {
        routes.MapGet(Collection, context => IndexAsync(context, state));
        routes.MapPost(Collection, context => CreateAsync(context, state));
        routes.MapGet(Member, context => ShowAsync(context, state));
        routes.MapMethods(Member, [HttpMethods.Patch, HttpMethods.Put], context => UpdateAsync(context, state));
        routes.MapDelete(Member, context => DestroyAsync(context, state));
    }

    private static async Task IndexAsync(HttpContext context, FakeChatwootState state)
    {
        if (await ChatwootAuth.AuthorizeAsync(context, state) is not { } caller)
        {
            return;
        }

        // policy_scope: an administrator sees every inbox of the account, an agent only those they belong to.
        var inboxes = caller.IsAdministrator
            ? state.Inboxes()
                .Where(i => i.AccountId == caller.AccountId)
                .OrderBy(i => i.Name.ToLowerInvariant(), StringComparer.Ordinal)
                .ThenBy(i => i.Id)
            : Enumerable.Empty<FakeInbox>();
        var payload = new JsonArray([.. inboxes.Select(i => (JsonNode)InboxJson.Render(i, caller.IsAdministrator))]);
        await ChatwootReply.JsonAsync(context, StatusCodes.Status200OK, new JsonObject { ["payload"] = payload });
    }

    private static async Task CreateAsync(HttpContext context, FakeChatwootState state)
    {
        if (await ChatwootAuth.AuthorizeAsync(context, state) is not { } caller)
        {
            return;
        }

        if (!caller.IsAdministrator)
        {
            await ChatwootReply.JsonAsync(context, StatusCodes.Status401Unauthorized, ChatwootErrors.NotAuthorizedAction);
            return;
        }

        if (await ChatwootParams.ReadOrRejectAsync(context) is not { } parameters)
        {
            return;
        }

        // permitted_params[:channel][:type] on a missing channel is a NoMethodError in Chatwoot.
        if (parameters["channel"] is not JsonObject channel)
        {
            await ChatwootReply.JsonAsync(context, StatusCodes.Status500InternalServerError, ChatwootErrors.InternalServerError);
            return;
        }

        ChatwootParams.TryScalar(channel, "type", out var type);
        if (s_unsupportedChannelTypes.Contains(type))
        {
            await ChatwootReply.WriteAsync(context, StatusCodes.Status501NotImplemented,
                $"FakeChatwoot models only API channel inboxes, not '{type}'.", "text/plain; charset=utf-8");
            return;
        }

        ChatwootParams.TryScalar(parameters, "name", out var name);
        var messages = new List<string>();
        var attributes = new List<string>();
        if (string.IsNullOrWhiteSpace(name))
        {
            messages.Add("Name can't be blank");
            attributes.Add("name");
        }

        // An unknown type creates no channel, so the inbox's belongs_to :channel fails too.
        if (type != "api")
        {
            messages.Add("Channel must exist");
            attributes.Add("channel");
        }

        if (messages.Count > 0)
        {
            await ChatwootReply.JsonAsync(context, StatusCodes.Status422UnprocessableEntity, ChatwootErrors.Validation(messages, attributes));
            return;
        }

        ChatwootParams.TryScalar(channel, "webhook_url", out var webhookUrl);
        ChatwootParams.TryScalar(channel, "hmac_mandatory", out var hmacMandatory);
        var inbox = state.CreateApiInbox(caller.AccountId, name!, webhookUrl, ChatwootParams.ToBoolean(hmacMandatory) ?? false);
        await ChatwootReply.JsonAsync(context, StatusCodes.Status200OK, InboxJson.Render(inbox, caller.IsAdministrator));
    }

    private static async Task ShowAsync(HttpContext context, FakeChatwootState state)
    {
        if (await FindAsync(context, state) is not (var caller, var inbox))
        {
            return;
        }

        await ChatwootReply.JsonAsync(context, StatusCodes.Status200OK, InboxJson.Render(inbox, caller.IsAdministrator));
    }

    private static async Task UpdateAsync(HttpContext context, FakeChatwootState state)
    {
        if (await FindAsync(context, state) is not (var caller, var inbox))
        {
            return;
        }

        if (await ChatwootParams.ReadOrRejectAsync(context) is not { } parameters)
        {
            return;
        }

        var updated = inbox;
        if (ChatwootParams.TryScalar(parameters, "name", out var name))
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                await ChatwootReply.JsonAsync(context, StatusCodes.Status422UnprocessableEntity,
                    ChatwootErrors.Validation(["Name can't be blank"], ["name"]));
                return;
            }

            updated = updated with { Name = name };
        }

        var channel = parameters["channel"] as JsonObject;
        if (ChatwootParams.TryScalar(channel, "webhook_url", out var webhookUrl))
        {
            updated = updated with { WebhookUrl = webhookUrl };
        }

        if (ChatwootParams.TryScalar(channel, "hmac_mandatory", out var hmacMandatory))
        {
            updated = updated with { HmacMandatory = ChatwootParams.ToBoolean(hmacMandatory) ?? false };
        }

        // A concurrent DELETE may have won; Chatwoot would then still answer from the record it loaded.
        var stored = state.UpdateInbox(caller.AccountId, inbox.Id, _ => updated) ?? updated;
        await ChatwootReply.JsonAsync(context, StatusCodes.Status200OK, InboxJson.Render(stored, caller.IsAdministrator));
    }

    private static async Task DestroyAsync(HttpContext context, FakeChatwootState state)
    {
        if (await FindAsync(context, state) is not (var caller, var inbox))
        {
            return;
        }

        // Chatwoot enqueues DeleteObjectJob; the fake deletes at once.
        state.RemoveInbox(caller.AccountId, inbox.Id);
        await ChatwootReply.JsonAsync(context, StatusCodes.Status200OK, ChatwootErrors.InboxDeletionAccepted);
    }

    /// <summary>fetch_inbox then InboxPolicy: 404 for an inbox not in the account, then 401 for an agent, who
    /// belongs to no inbox (show?) and may not update or delete one either.</summary>
    private static async Task<(ChatwootCaller Caller, FakeInbox Inbox)?> FindAsync(HttpContext context, FakeChatwootState state)
    {
        if (await ChatwootAuth.AuthorizeAsync(context, state) is not { } caller)
        {
            return null;
        }

        if (!ChatwootAuth.TryParseId(context, "inboxId", out var inboxId) || state.FindInbox(caller.AccountId, inboxId) is not { } inbox)
        {
            await ChatwootReply.JsonAsync(context, StatusCodes.Status404NotFound, ChatwootErrors.ResourceNotFound);
            return null;
        }

        if (!caller.IsAdministrator)
        {
            await ChatwootReply.JsonAsync(context, StatusCodes.Status401Unauthorized, ChatwootErrors.NotAuthorizedAction);
            return null;
        }

        return (caller, inbox);
    }
}
