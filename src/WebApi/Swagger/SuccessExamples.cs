namespace RyzeApi.WebApi.Swagger;

/// <summary>An example success body for each operation (for activation, the one in docs/api/en/chatwoot-activate.md), as raw JSON.</summary>
public static class SuccessExamples
{
    public static string? For(string? operationId) => operationId switch
    {
        "ActivateChatwoot" => """
            {"instance":"suporte","status":"active","bridge_integration_id":"int_xyz789abc","message":"chatwoot integration activated"}
            """,
        "GetChatwootIntegration" => """
            {"instance_name":"suporte","status":"active","bridge_integration_id":"int_xyz789abc",
             "chatwoot_base_url":"https://chatwoot.example.com","chatwoot_account_id":5,
             "chatwoot_api_token":"sk_live_abc123...","chatwoot_inbox_id":42,
             "chatwoot_inbox_name":"WhatsApp - Orion","last_error":"",
             "whatsapp_state":"connected","whatsapp_state_since":"2026-04-20T10:16:02Z","created_at":"2026-04-20T10:15:30Z",
             "sign_messages":true,"ignore_groups":false,"start_as_pending":false,"reopen_resolved":true,
             "mark_read_on_reply":true,
             "deliveries":{"pending":0,"failed_last_24h":1,"oldest_pending_age_seconds":null,"last_delivered_at":"2026-04-21T09:12:44Z"}}
            """,
        "ListDeliveries" => """
            {"instance_name":"suporte","state":"failed",
             "deliveries":[{"id":1842,"direction":"to_chatwoot","kind":"whatsapp_message","state":"failed",
               "whatsapp_chat_id":"5511999999999@s.whatsapp.net","whatsapp_message_id":"3EB0C767D82A1B2C3D4E",
               "chatwoot_message_id":null,"chatwoot_conversation_id":null,"attempts":1,
               "last_error":"Chatwoot rejected the request as invalid - fix what Chatwoot names in the detail (e.g. inboxName) and retry. Detail: https://chatwoot.example.com/api/v1/accounts/5/conversations/321/messages HTTP 422: {\"message\":\"Content is too long\"}",
               "created_at":"2026-04-21T09:10:02Z","updated_at":"2026-04-21T09:10:03Z","next_attempt_at":null}],
             "next_cursor":null}
            """,
        "RetryDeliveries" => """
            {"message":"1 deliveries requeued","requeued":[1842],"skipped":[]}
            """,
        "DeactivateChatwoot" => """
            {"message":"chatwoot integration deactivated"}
            """,
        "CreateInstance" => """
            {"success":true,"message":"Instance created",
             "instance":{"name":"suporte","token":"3q2-7wEj0zJtqsCmTLaXxN0dGRoZsI-0O3NHl0r1AHk","created_at":"2026-04-20T10:15:30Z"},
             "chatwoot":{"status":"active","bridge_integration_id":"int_xyz789abc"}}
            """,
        "ListInstances" => """
            {"success":true,"message":"1 Instances found",
             "instances":[{"name":"suporte","created_at":"2026-04-20T10:15:30Z","chatwoot":{"status":"active","bridge_integration_id":"int_xyz789abc"}}]}
            """,
        "DeleteInstance" => """
            {"success":true,"message":"Instance deleted","instance":{"status":"deleted"}}
            """,
        "ReceiveChatwootWebhook" or "ReceiveEngineEvent" or "ReceiveEngineEventByName" => """
            {"success":true,"outcome":"accepted","message":"event recorded for delivery"}
            """,
        _ => null,
    };
}
