using Mediator;
using RyzeApi.Application.Routing.Commands.ReceiveChatwootWebhook;
using RyzeApi.WebApi.Contracts.Routing;
using RyzeApi.WebApi.Filters;
using RyzeApi.WebApi.Hosting.Telemetry;
using RyzeApi.WebApi.Swagger;

namespace RyzeApi.WebApi.Controllers;

/// <summary>Where Chatwoot delivers an inbox's events (for Chatwoot operators, not API users).</summary>
[Route("api/chatwoot/webhook")]
[AllowAnonymous]
[ChatwootModuleGate]
[IngressMetric(IngressMetricAttribute.ChatwootWebhook)]
[Tags("Inbound: Chatwoot webhook")]
[Produces("application/json")]
public sealed class ChatwootWebhookController(ISender sender) : ControllerBase
{
    /// <summary>Chatwoot payloads are small; anything near this is not a webhook.</summary>
    public const int MaxBodyBytes = 1024 * 1024;
    /// <summary>Receive a Chatwoot inbox webhook</summary>
    /// <remarks>The inbox's <c>webhook_url</c>, set by activation. The URL secret authenticates the call
    /// and, from Chatwoot 4.13, <c>X-Chatwoot-Signature</c> (HMAC-SHA256 of <c>"&lt;timestamp&gt;.&lt;body&gt;"</c>,
    /// 5-minute window). Agent messages (<c>message_created</c>, outgoing, not private; a quote goes out with
    /// <c>replyTo</c>, each attachment on its own), an agent's deletion of a message RyzeAPI sent (<c>message_updated</c>
    /// with <c>content_attributes.deleted</c>) and typing (<c>conversation_typing_on</c>/<c>off</c>, not private) are
    /// recorded and sent to WhatsApp in the background; the answer comes at once, because Chatwoot does not retry.</remarks>
    /// <param name="integrationId">The integration's <c>bridge_integration_id</c>.</param>
    /// <param name="secret">The webhook secret issued at activation.</param>
    /// <param name="timestamp">Chatwoot 4.13+: Unix seconds.</param>
    /// <param name="signature">Chatwoot 4.13+: <c>sha256=&lt;hex&gt;</c>.</param>
    /// <param name="cancellationToken">Aborted request.</param>
    /// <response code="200">The event was recorded for delivery, was a duplicate, or is not routed (see <c>outcome</c>).</response>
    /// <response code="400">The body is not a Chatwoot event (<c>invalid body: …</c>: not UTF-8, a string that is not
    /// valid text, a missing field); judged only once the secret and the signature check out.</response>
    /// <response code="401">Chatwoot 4.13+ signature missing, wrong or older than 5 minutes.</response>
    /// <response code="404">Unknown integration or wrong secret, e.g. after deactivation or a new activation.</response>
    /// <response code="413">The body is larger than 1 MiB.</response>
    /// <response code="429">More events than the ingress limit allows for this integration.</response>
    /// <response code="503">The Chatwoot module is disabled or not configured (<c>integration gateway not configured</c>).</response>
    [HttpPost("{integrationId}/{secret}", Name = "ReceiveChatwootWebhook")]
    [RawJsonBody("A Chatwoot webhook event, as Chatwoot sends it: `message_created` (routed when outgoing and not "
        + "private), `message_updated` (routed when an agent deleted the message), `conversation_typing_on` / "
        + "`conversation_typing_off` (routed when not private), `conversation_status_changed`, others (ignored).")]
    [RequestSizeLimit(MaxBodyBytes)]
    [ProducesResponseType<IngressResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status401Unauthorized)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status404NotFound)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status413PayloadTooLarge)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status503ServiceUnavailable)]
    public async Task<IngressResponse> Receive(
        string integrationId,
        string secret,
        [FromHeader(Name = "X-Chatwoot-Timestamp")] string? timestamp,
        [FromHeader(Name = "X-Chatwoot-Signature")] string? signature,
        CancellationToken cancellationToken)
    {
        var body = await RawBody.ReadAsync(Request, cancellationToken);
        var result = await sender.Send(new ReceiveChatwootWebhookCommand(integrationId, secret, timestamp, signature, body), cancellationToken);
        return IngressResponse.From(result);
    }
}
