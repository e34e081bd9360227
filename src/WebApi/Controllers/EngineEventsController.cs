using System.Text;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using RyzeApi.Application.Routing.Commands.ReceiveEngineEvent;
using RyzeApi.WebApi.Auth;
using RyzeApi.WebApi.Contracts.Routing;
using RyzeApi.WebApi.Errors;
using RyzeApi.WebApi.Filters;

namespace RyzeApi.WebApi.Controllers;

/// <summary>Where the WhatsApp engine posts an instance's events (for engine operators).</summary>
[Route("api/chatwoot/events")]
[Authorize(Policy = Policies.InstanceAccess)]
[ChatwootModuleGate]
[Tags("Inbound: engine events")]
[Produces("application/json")]
public sealed class EngineEventsController(ISender sender) : ControllerBase
{
    public const int MaxBodyBytes = 32 * 1024 * 1024;
    private readonly ISender _sender = sender;

    /// <summary>Receive a WhatsApp engine event</summary>
    /// <remarks>The RyzeAPI event envelope <c>{"event", "data", "instanceData"}</c>, authenticated by the
    /// instance's TokenInstance (<c>token</c> header or Bearer). <c>message.exchange</c> is routed to Chatwoot,
    /// <c>message.status</c> updates the Chatwoot message's ticks, other events are ignored. 202 once the
    /// event is durably recorded; the same WhatsApp message id is routed once.</remarks>
    /// <param name="instance">Instance name.</param>
    /// <param name="cancellationToken">Aborted request.</param>
    [HttpPost("{instance}", Name = "ReceiveEngineEvent")]
    [RequestSizeLimit(MaxBodyBytes)]
    [ProducesResponseType<IngressResponse>(StatusCodes.Status202Accepted)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status403Forbidden)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status404NotFound)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status503ServiceUnavailable)]
    public Task<IActionResult> Receive(string instance, CancellationToken cancellationToken) =>
        ReceiveAsync(instance, null, cancellationToken);

    /// <summary>Receive a WhatsApp engine event (event name in the path)</summary>
    /// <remarks>As the other events endpoint, for RyzeAPI webhooks configured with <c>byEvents</c>, which
    /// append the event name to the URL.</remarks>
    /// <param name="instance">Instance name.</param>
    /// <param name="eventName">The event name, e.g. <c>message.exchange</c>.</param>
    /// <param name="cancellationToken">Aborted request.</param>
    [HttpPost("{instance}/{eventName}", Name = "ReceiveEngineEventByName")]
    [RequestSizeLimit(MaxBodyBytes)]
    [ProducesResponseType<IngressResponse>(StatusCodes.Status202Accepted)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status403Forbidden)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status404NotFound)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status503ServiceUnavailable)]
    public Task<IActionResult> ReceiveNamed(string instance, string eventName, CancellationToken cancellationToken) =>
        ReceiveAsync(instance, eventName, cancellationToken);

    private async Task<IActionResult> ReceiveAsync(string instance, string? eventName, CancellationToken cancellationToken)
    {
        var body = Encoding.UTF8.GetString(await RawBody.ReadAsync(Request, cancellationToken));
        var result = await _sender.Send(new ReceiveEngineEventCommand(User.ToCaller(), instance, body, eventName), cancellationToken);
        return StatusCode(StatusCodes.Status202Accepted, IngressResponse.From(result));
    }
}
