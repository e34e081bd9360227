// Not compiled with the test project: CSharpSdkTests compiles it with the client NSwag generates from
// docs/openapi/v1.json, as an SDK user's code. A renamed operation or a changed type is a compile error there.
using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading.Tasks;
using RyzeApi.Sdk;

namespace RyzeApi.SdkConsumer;

public static class SdkUser
{
    /// <summary>Creates an instance, activates Chatwoot on it (twice with one Idempotency-Key), reads the
    /// integration, deactivates it, then activates with a token Chatwoot rejects. Returns what it saw.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> RunAsync(
        Uri api, string accountToken, string instance, Uri chatwoot, long chatwootAccountId, string chatwootToken)
    {
        var seen = new Dictionary<string, string>();
        using var asAccount = Http(api, accountToken);
        CreateInstanceResponse created = await new RyzeApiClient(asAccount).CreateInstanceAsync(new CreateInstanceRequest { Name = instance });
        seen["created.name"] = created.Instance.Name;

        using var asInstance = Http(api, created.Instance.Token);
        IRyzeApiClient client = new RyzeApiClient(asInstance);
        var request = new ActivateChatwootRequest { ChatwootBaseUrl = chatwoot, ChatwootAccountId = chatwootAccountId, ChatwootApiToken = chatwootToken };
        ActivateChatwootResponse activated = await client.ActivateChatwootAsync(instance, "sdk-key-1", request);
        ActivateChatwootResponse replayed = await client.ActivateChatwootAsync(instance, "sdk-key-1", request);
        seen["activated.status"] = activated.Status;
        seen["activated.bridge_integration_id"] = activated.Bridge_integration_id;
        seen["replayed.bridge_integration_id"] = replayed.Bridge_integration_id;

        ChatwootInfoResponse info = await client.GetChatwootIntegrationAsync(instance);
        Uri baseUrl = info.Chatwoot_base_url;
        long inboxId = info.Chatwoot_inbox_id;
        DateTimeOffset createdAt = info.Created_at;
        seen["info.bridge_integration_id"] = info.Bridge_integration_id;
        seen["info.chatwoot_base_url"] = baseUrl.ToString();
        seen["info.chatwoot_inbox_id"] = inboxId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        seen["info.chatwoot_inbox_name"] = info.Chatwoot_inbox_name;
        seen["info.created_at.offset"] = createdAt.Offset.ToString();

        MessageResponse deactivated = await client.DeactivateChatwootAsync(instance);
        seen["deactivated.message"] = deactivated.Message;

        try
        {
            await client.ActivateChatwootAsync(instance, null, new ActivateChatwootRequest
            {
                ChatwootBaseUrl = chatwoot, ChatwootAccountId = chatwootAccountId, ChatwootApiToken = "a-revoked-token",
            });
            seen["rejected"] = "no exception";
        }
        catch (RyzeApiException<ErrorEnvelope> e)
        {
            seen["rejected.status"] = e.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
            seen["rejected.success"] = e.Result.Success.ToString();
            seen["rejected.message"] = e.Result.Error.Message;
        }

        return seen;
    }

    private static HttpClient Http(Uri api, string token)
    {
        var http = new HttpClient { BaseAddress = api };
        http.DefaultRequestHeaders.Add("token", token);
        return http;
    }
}
