namespace RyzeApi.WebApi.Swagger;

/// <summary>An example request body for each operation that takes one (for activation, the one in docs/api/en/chatwoot-activate.md), as raw JSON.</summary>
public static class RequestExamples
{
    public static string? For(string? operationId) => operationId switch
    {
        "ActivateChatwoot" => """
            {"chatwootBaseUrl":"https://chatwoot.example.com","chatwootAccountId":5,"chatwootApiToken":"sk_live_abc123...",
             "inboxName":"WhatsApp - Orion","signMessages":true,"ignoreGroups":false,"startAsPending":false,"reopenResolved":true}
            """,
        "CreateInstance" => """
            {"name":"suporte","chatwootEnabled":true,"chatwootBaseUrl":"https://chatwoot.example.com","chatwootAccountId":5,
             "chatwootApiToken":"sk_live_abc123...","chatwootInboxName":"WhatsApp - Orion","chatwootSignMessages":true}
            """,
        "RetryDeliveries" => """
            {"ids":[1842]}
            """,
        "ReceiveChatwootWebhook" => """
            {"event":"message_created","id":9001,"content":"Hello! How can I help?","message_type":"outgoing","private":false,
             "source_id":null,"conversation":{"id":321,"status":"open"},"sender":{"id":7,"name":"Ana","available_name":"Ana"},
             "attachments":[]}
            """,
        "ReceiveEngineEvent" or "ReceiveEngineEventByName" => """
            {"event":"message.exchange",
             "data":{"id":"3EB0C767D82A1B2C3D4E","message":{"id":"3EB0C767D82A1B2C3D4E","type":"text","direction":"incoming",
               "timestamp":"2026-04-28T10:30:00Z","chat":{"jid":"5511999999999","lid":"100@lid","name":"João Silva","type":"private"},
               "sender":{"jid":"5511999999999","lid":"100@lid","name":"João Silva"},"content":{"text":"Olá, preciso de ajuda"},
               "media":null,"source":null}},
             "instanceData":{"baseUrl":"https://engine.example.com","instance":"suporte"}}
            """,
        _ => null,
    };
}
