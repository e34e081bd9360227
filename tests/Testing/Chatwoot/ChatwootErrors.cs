using System.Text.Json.Nodes;

namespace RyzeApi.Testing.Chatwoot;

/// <summary>Chatwoot's error bodies, exactly as its controllers render them (see README.md for the sources),
/// for the fake's own answers and for scripting faults.</summary>
public static class ChatwootErrors
{
    /// <summary>401: an <c>api_access_token</c> header that matches no access token.</summary>
    public const string InvalidAccessToken = """{"error":"Invalid Access Token"}""";

    /// <summary>401: no (or a blank) <c>api_access_token</c> header, so devise_token_auth answers instead.</summary>
    public const string SignInRequired = """{"errors":["You need to sign in or sign up before continuing."]}""";

    /// <summary>401: a Pundit refusal, e.g. an agent creating, updating or deleting an inbox.</summary>
    public const string NotAuthorizedAction = """{"error":"You are not authorized to do this action"}""";

    /// <summary>401: a valid token of a user who is not a member of the account.</summary>
    public const string NotAuthorizedAccount = """{"error":"You are not authorized to access this account"}""";

    /// <summary>404: an unknown account or record (<c>ActiveRecord::RecordNotFound</c>).</summary>
    public const string ResourceNotFound = """{"error":"Resource could not be found"}""";

    /// <summary>500: Rails' public exception answer for a JSON request.</summary>
    public const string InternalServerError = """{"status":500,"error":"Internal Server Error"}""";

    /// <summary>400: Rails' answer to a body it cannot parse.</summary>
    public const string BadRequest = """{"status":400,"error":"Bad Request"}""";

    /// <summary>404: Rails' answer to a route it does not know.</summary>
    public const string RouteNotFound = """{"status":404,"error":"Not Found"}""";

    /// <summary>200: the answer to <c>DELETE /inboxes/{id}</c>; Chatwoot deletes in a background job.</summary>
    public const string InboxDeletionAccepted = """{"message":"Your inbox deletion request will be processed in some time."}""";

    /// <summary>422: <c>ActiveRecord::RecordInvalid</c>, e.g. <c>Validation(["Name can't be blank"], ["name"])</c>.</summary>
    public static string Validation(IReadOnlyList<string> fullMessages, IReadOnlyList<string> attributes) =>
        new JsonObject
        {
            ["message"] = string.Join(", ", fullMessages),
            ["attributes"] = new JsonArray([.. attributes.Distinct().Select(a => (JsonNode?)JsonValue.Create(a))]),
        }.ToJsonString(ChatwootReply.JsonOptions);
}
