using System.Net.Http.Headers;
using System.Text;

namespace RyzeApi.Testing.Engine;

/// <summary>Delivers an engine event to the API under test, as an engine or a RyzeAPI webhook would.</summary>
public static partial class EngineEvents
{
    /// <summary>POSTs <paramref name="body"/> to <c>/api/chatwoot/events/{instance}</c> (or <c>…/{eventInPath}</c>, as
    /// a <c>byEvents</c> webhook does) with the instance's token in the <c>token</c> header, or as
    /// <c>Authorization: Bearer</c> when <paramref name="bearer"/>. A null token sends none. Dispose the answer.</summary>
    public static Task<HttpResponseMessage> PostAsync(
        HttpClient client, string instance, string? token, string body, string? eventInPath = null, bool bearer = false,
        CancellationToken cancellationToken = default)
    {
        var path = $"/api/chatwoot/events/{Uri.EscapeDataString(instance)}" + (eventInPath is null ? "" : "/" + Uri.EscapeDataString(eventInPath));
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (token is not null)
        {
            if (bearer)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }
            else
            {
                request.Headers.Add("token", token);
            }
        }

        return SendAsync(client, request, cancellationToken);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using (request)
        {
            return await client.SendAsync(request, cancellationToken);
        }
    }
}
