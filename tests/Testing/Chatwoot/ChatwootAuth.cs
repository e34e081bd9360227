using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace RyzeApi.Testing.Chatwoot;

/// <summary>Chatwoot's authentication and account check for <c>/api/v1/accounts/{account_id}/…</c>, in its
/// order: the token first (even for an unknown account), then the account, then membership.</summary>
internal static class ChatwootAuth
{
    // Rack maps both spellings to HTTP_API_ACCESS_TOKEN, which is what Chatwoot reads.
    private static readonly string[] s_tokenHeaders = ["api_access_token", "api-access-token"];

    /// <summary>The caller, or null once Chatwoot's refusal has been written.</summary>
    public static async Task<ChatwootCaller?> AuthorizeAsync(HttpContext context, FakeChatwootState state)
    {
        var token = s_tokenHeaders
            .Select(name => context.Request.Headers[name].ToString())
            .FirstOrDefault(value => !string.IsNullOrWhiteSpace(value));
        if (token is null)
        {
            // Without the header Chatwoot falls back to devise_token_auth's session headers.
            await ChatwootReply.JsonAsync(context, StatusCodes.Status401Unauthorized, ChatwootErrors.SignInRequired);
            return null;
        }

        if (!state.IsKnownToken(token))
        {
            await ChatwootReply.JsonAsync(context, StatusCodes.Status401Unauthorized, ChatwootErrors.InvalidAccessToken);
            return null;
        }

        // Account.find raises RecordNotFound, which the around_action turns into a 404.
        if (!TryParseId(context, "accountId", out var accountId) || !state.AccountExists(accountId))
        {
            await ChatwootReply.JsonAsync(context, StatusCodes.Status404NotFound, ChatwootErrors.ResourceNotFound);
            return null;
        }

        if (state.Member(token, accountId) is not { } caller)
        {
            await ChatwootReply.JsonAsync(context, StatusCodes.Status401Unauthorized, ChatwootErrors.NotAuthorizedAccount);
            return null;
        }

        return caller;
    }

    public static bool TryParseId(HttpContext context, string routeValue, out long id) =>
        long.TryParse(context.Request.RouteValues[routeValue] as string, NumberStyles.None, CultureInfo.InvariantCulture, out id);
}
