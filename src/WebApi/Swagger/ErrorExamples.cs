namespace RyzeApi.WebApi.Swagger;

/// <summary>An example error message for each operation and status, docs/api/en's where it has one.</summary>
public static class ErrorExamples
{
    private const string Unreachable = "Chatwoot is unreachable at https://chatwoot.example.com - verify chatwootBaseUrl and that the host is reachable from the server. Detail: Post \"https://chatwoot.example.com/api/v1/accounts/5/inboxes\": dial tcp [::1]:443: connect: connection refused";

    public static string? For(string? operationId, string status) => (operationId, status) switch
    {
        ("ActivateChatwoot", "400") => "invalid body: chatwootApiToken contains a space at position 7 - a Chatwoot access token is visible ASCII characters only, as Chatwoot issues it (no spaces, no placeholders such as <admin token>)",
        ("ActivateChatwoot", "401") => "Chatwoot rejected the API token - verify chatwootApiToken. Detail: https://chatwoot.example.com/api/v1/accounts/5/inboxes HTTP 401: {\"error\":\"Invalid Access Token\"}",
        ("ActivateChatwoot", "403") => "Chatwoot denied the request - verify the API token has admin scope on account 5. Detail: https://chatwoot.example.com/api/v1/accounts/5/inboxes HTTP 401: {\"error\":\"You are not authorized to do this action\"}",
        ("ActivateChatwoot", "409") => "Idempotency-Key was already used with a different request body - use a new key for a new request",
        ("ActivateChatwoot", "500") => "chatwoot integration failed: persist integration: the database did not store it; the failure was logged - retry later or contact the operator",
        ("ActivateChatwoot", "502") => Unreachable,
        ("ActivateChatwoot", "504") => "request timed out: ActivateChatwootCommand did not complete within 60 s",
        ("GetChatwootIntegration", "404") => "no chatwoot integration for this instance",
        ("ListDeliveries", "400") => "invalid query: state \"done\" is not a delivery state - use pending, failed or delivered, or leave it out for failed",
        ("RetryDeliveries", "400") => "invalid body: ids is empty - list the ids of the failed deliveries to retry, or leave ids out to retry every failed delivery",
        ("ListDeliveries" or "RetryDeliveries", "404") => "no chatwoot integration for this instance",
        ("DeactivateChatwoot", "404") => "no chatwoot integration to delete",
        ("CreateInstance", "400") => "invalid body: name contains a space at position 4 - an instance name is 1 to 64 letters, digits, '-' or '_'",
        ("ListInstances", "400") => "invalid query: instanceName \"sup orte\" contains a space at position 4; an instance name is 1 to 64 letters, digits, '-' or '_'",
        ("GetChatwootIntegration" or "DeactivateChatwoot" or "DeleteInstance", "400") =>
            "invalid path: the instance name contains a space at position 4 - an instance name is 1 to 64 letters, digits, '-' or '_'",
        ("CreateInstance", "409") => "Instance name already exists",
        ("CreateInstance" or "DeleteInstance", "403") => RyzeApi.WebApi.Auth.AccountOnlyRequirement.Message,
        ("ListInstances", "404") => "Instance not found",
        ("DeleteInstance", "404") => "Instance not found",
        ("ReceiveChatwootWebhook", "400") => "invalid body: event is required",
        ("ReceiveChatwootWebhook", "401") => "invalid webhook signature: X-Chatwoot-Signature does not match the body",
        ("ReceiveChatwootWebhook", "404") => "webhook not found - the integration was deactivated or replaced; activate it again to get a new webhook URL",
        ("ReceiveEngineEvent" or "ReceiveEngineEventByName", "400") => "invalid body: data.message.chat.jid is required",
        ("ReceiveEngineEvent" or "ReceiveEngineEventByName", "404") => "no chatwoot integration for this instance",
        ("ReceiveChatwootWebhook", "413") => "invalid request: Request body too large. The max request body size is 1048576 bytes.",
        ("ReceiveEngineEvent" or "ReceiveEngineEventByName", "413") => "invalid request: Request body too large. The max request body size is 33554432 bytes.",
        (_, "401") => "Missing token",
        (_, "403") => "Instance token does not match the requested instance",
        (_, "404") => "instance not found",
        (_, "429") => "Rate limit exceeded. Try again later.",
        (_, "500") => "internal server error - the failure was logged; retry later or contact the operator",
        (_, "503") => "integration gateway not configured",
        _ => null,
    };
}
