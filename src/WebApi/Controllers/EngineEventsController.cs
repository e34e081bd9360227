using Mediator;
using RyzeApi.Application.Routing.Commands.ReceiveEngineEvent;
using RyzeApi.WebApi.Auth;
using RyzeApi.WebApi.Contracts.Routing;
using RyzeApi.WebApi.Filters;
using RyzeApi.WebApi.Hosting.Telemetry;
using RyzeApi.WebApi.Swagger;

namespace RyzeApi.WebApi.Controllers;

/// <summary>Where the WhatsApp engine posts an instance's events (for engine operators).</summary>
[Route("api/chatwoot/events")]
[Authorize(Policy = Policies.InstanceAccess)]
[ChatwootModuleGate]
[IngressMetric(IngressMetricAttribute.EngineEvent)]
[Tags("Inbound: engine events")]
[Produces("application/json")]
public sealed class EngineEventsController(ISender sender) : ControllerBase
{
    public const int MaxBodyBytes = 32 * 1024 * 1024;
    /// <summary>Receive a WhatsApp engine event</summary>
    /// <remarks>The RyzeAPI event envelope <c>{"event", "data", "instanceData"}</c>, authenticated by the
    /// instance's TokenInstance (<c>token</c> header or Bearer). <c>message.exchange</c> is routed to Chatwoot,
    /// <c>message.status</c> updates the Chatwoot message's ticks, <c>instance.state</c> (<c>data.state</c> or
    /// <c>data.status</c>: connected, logged_out, …) is kept as the instance's WhatsApp session (replies wait while it is
    /// down and go when it is <c>connected</c>), other events are ignored. 202 once the event is durably recorded; the
    /// same WhatsApp message id is routed once.</remarks>
    /// <param name="instance">Instance name.</param>
    /// <param name="cancellationToken">Aborted request.</param>
    /// <response code="202">The event was recorded for delivery, was a duplicate, or is not routed (see <c>outcome</c>).</response>
    /// <response code="400">The body is not an engine event (<c>invalid body: …</c>: not UTF-8, a string that is not
    /// valid text, a missing field), or the instance name in the path is one no instance can have (<c>invalid path: …</c>).</response>
    /// <response code="401">Missing or unknown token (<c>Missing token</c>, <c>Invalid token</c>), or an <c>Authorization</c>
    /// header that is not <c>Bearer &lt;token&gt;</c>.</response>
    /// <response code="403">A TokenInstance of another instance.</response>
    /// <response code="404">No such instance, or it has no Chatwoot integration.</response>
    /// <response code="413">The body is larger than 32 MiB.</response>
    /// <response code="429">More events than the ingress limit allows for this token.</response>
    /// <response code="503">The Chatwoot module is disabled or not configured (<c>integration gateway not configured</c>).</response>
    [HttpPost("{instance}", Name = "ReceiveEngineEvent")]
    [RawJsonBody("The RyzeAPI event envelope `{\"event\", \"data\", \"instanceData\"}`: `message.exchange` "
        + "(routed to Chatwoot), `message.status` (ticks), `instance.state` (the WhatsApp session), others (ignored).")]
    [RequestSizeLimit(MaxBodyBytes)]
    [ProducesResponseType<IngressResponse>(StatusCodes.Status202Accepted)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status403Forbidden)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status404NotFound)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status413PayloadTooLarge)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status503ServiceUnavailable)]
    public Task<IActionResult> Receive(string instance, CancellationToken cancellationToken) =>
        ReceiveAsync(instance, null, cancellationToken);

    /// <summary>Receive a WhatsApp engine event (event name in the path)</summary>
    /// <remarks>As the other events endpoint, for RyzeAPI webhooks configured with <c>byEvents</c>, which
    /// append the event name to the URL.</remarks>
    /// <param name="instance">Instance name.</param>
    /// <param name="eventName">The event name, e.g. <c>message.exchange</c>.</param>
    /// <param name="cancellationToken">Aborted request.</param>
    /// <response code="202">The event was recorded for delivery, was a duplicate, or is not routed (see <c>outcome</c>).</response>
    /// <response code="400">The body is not an engine event (<c>invalid body: …</c>: not UTF-8, a string that is not
    /// valid text, a missing field), or the instance name in the path is one no instance can have (<c>invalid path: …</c>).</response>
    /// <response code="401">Missing or unknown token (<c>Missing token</c>, <c>Invalid token</c>), or an <c>Authorization</c>
    /// header that is not <c>Bearer &lt;token&gt;</c>.</response>
    /// <response code="403">A TokenInstance of another instance.</response>
    /// <response code="404">No such instance, or it has no Chatwoot integration.</response>
    /// <response code="413">The body is larger than 32 MiB.</response>
    /// <response code="429">More events than the ingress limit allows for this token.</response>
    /// <response code="503">The Chatwoot module is disabled or not configured (<c>integration gateway not configured</c>).</response>
    [HttpPost("{instance}/{eventName}", Name = "ReceiveEngineEventByName")]
    [RawJsonBody("The RyzeAPI event envelope `{\"event\", \"data\", \"instanceData\"}`: `message.exchange` "
        + "(routed to Chatwoot), `message.status` (ticks), `instance.state` (the WhatsApp session), others (ignored).")]
    [RequestSizeLimit(MaxBodyBytes)]
    [ProducesResponseType<IngressResponse>(StatusCodes.Status202Accepted)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status403Forbidden)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status404NotFound)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status413PayloadTooLarge)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status503ServiceUnavailable)]
    public Task<IActionResult> ReceiveNamed(string instance, string eventName, CancellationToken cancellationToken) =>
        ReceiveAsync(instance, eventName, cancellationToken);

    private async Task<IActionResult> ReceiveAsync(string instance, string? eventName, CancellationToken cancellationToken)
    {
        var body = await RawBody.ReadAsync(Request, cancellationToken);
        var result = await sender.Send(new ReceiveEngineEventCommand(User.ToCaller(), instance, body, eventName), cancellationToken);
        return StatusCode(StatusCodes.Status202Accepted, IngressResponse.From(result));
    }
}
