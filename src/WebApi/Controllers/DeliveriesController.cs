using Mediator;
using RyzeApi.Application.Chatwoot.Commands.RetryDeliveries;
using RyzeApi.Application.Chatwoot.Queries.ListDeliveries;
using RyzeApi.WebApi.Auth;
using RyzeApi.WebApi.Contracts.Deliveries;
using RyzeApi.WebApi.Filters;

namespace RyzeApi.WebApi.Controllers;

/// <summary>An integration's deliveries, for support staff: see why a message did not go through, and send it again.</summary>
[Route("api/chatwoot/deliveries")]
[Authorize(Policy = Policies.InstanceAccess)]
[ChatwootModuleGate]
[Tags("Chatwoot")]
[Produces("application/json")]
[ProducesResponseType<ErrorEnvelope>(StatusCodes.Status400BadRequest)]
[ProducesResponseType<ErrorEnvelope>(StatusCodes.Status403Forbidden)]
[ProducesResponseType<ErrorEnvelope>(StatusCodes.Status404NotFound)]
[ProducesResponseType<ErrorEnvelope>(StatusCodes.Status503ServiceUnavailable)]
public sealed class DeliveriesController(ISender sender) : ControllerBase
{
    /// <summary>List the integration's deliveries</summary>
    /// <remarks>The deliveries of the instance's Chatwoot integration in one state, newest first, a page at a time:
    /// each with its direction, kind, WhatsApp and Chatwoot ids where known, attempts, last error and times. Delivered ones
    /// are kept 7 days; failed ones until the integration is deactivated. Pages follow <c>next_cursor</c> and do not shift
    /// while new deliveries are recorded.</remarks>
    /// <param name="instance">Instance name, e.g. <c>suporte</c>.</param>
    /// <param name="state"><c>failed</c> (the default), <c>pending</c> (waiting, or being retried) or <c>delivered</c>.</param>
    /// <param name="limit">Deliveries per page, 1 to 200; 50 by default.</param>
    /// <param name="cursor">The <c>next_cursor</c> of the previous page; leave it out for the first page.</param>
    /// <param name="cancellationToken">Aborted request.</param>
    /// <response code="200">A page of deliveries.</response>
    /// <response code="400">A query parameter is wrong (<c>invalid query: …</c>, naming it), or the instance name in the
    /// path is one no instance can have (<c>invalid path: …</c>).</response>
    /// <response code="403">An instance token used on another instance.</response>
    /// <response code="404">The instance does not exist in the caller's account (<c>instance not found</c>), or it
    /// has no integration (<c>no chatwoot integration for this instance</c>).</response>
    /// <response code="503">The Chatwoot module is disabled or not configured (<c>integration gateway not configured</c>).</response>
    [HttpGet("{instance}", Name = "ListDeliveries")]
    [ProducesResponseType<DeliveryListResponse>(StatusCodes.Status200OK)]
    public async Task<DeliveryListResponse> List(
        string instance,
        [FromQuery(Name = "state")] string? state,
        [FromQuery(Name = "limit")] string? limit,
        [FromQuery(Name = "cursor")] string? cursor,
        CancellationToken cancellationToken) =>
        DeliveryListResponse.From(await sender.Send(new ListDeliveriesQuery(User.ToCaller(), instance, state, limit, cursor), cancellationToken));

    /// <summary>Retry failed deliveries</summary>
    /// <remarks>Sets failed deliveries back to pending, due at once, and wakes the workers: the ids given, or every
    /// failed delivery of the instance when <c>ids</c> is left out (the oldest 1000 per call). Each is still delivered
    /// once: only deliveries still failed are requeued (a retry sent twice, or by two people at once, requeues each once),
    /// one whose message already reached the other side stays failed, and the next attempt first looks in Chatwoot for
    /// what an earlier attempt may have left.</remarks>
    /// <param name="instance">Instance name, e.g. <c>suporte</c>.</param>
    /// <param name="request">The ids to retry, or <c>{}</c> for every failed delivery.</param>
    /// <param name="cancellationToken">Aborted request.</param>
    /// <response code="200">What was requeued, and which of the ids asked for were not.</response>
    /// <response code="400">The body is invalid (<c>invalid body: …</c>, naming the field), or the instance name in the
    /// path is one no instance can have (<c>invalid path: …</c>).</response>
    /// <response code="403">An instance token used on another instance.</response>
    /// <response code="404">The instance does not exist in the caller's account (<c>instance not found</c>), or it
    /// has no integration (<c>no chatwoot integration for this instance</c>).</response>
    /// <response code="503">The Chatwoot module is disabled or not configured (<c>integration gateway not configured</c>).</response>
    [HttpPost("{instance}/retry", Name = "RetryDeliveries")]
    [ProducesResponseType<RetryDeliveriesResponse>(StatusCodes.Status200OK)]
    public async Task<RetryDeliveriesResponse> Retry(
        string instance, [FromBody] RetryDeliveriesRequest request, CancellationToken cancellationToken) =>
        RetryDeliveriesResponse.From(await sender.Send(new RetryDeliveriesCommand(User.ToCaller(), instance, request.Ids), cancellationToken));
}
