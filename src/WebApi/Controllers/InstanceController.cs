using Mediator;
using RyzeApi.Application.Instances.Commands.CreateInstance;
using RyzeApi.Application.Instances.Commands.DeleteInstance;
using RyzeApi.Application.Instances.Queries.ListInstances;
using RyzeApi.Domain.Chatwoot;
using RyzeApi.WebApi.Auth;
using RyzeApi.WebApi.Contracts.Instances;
using RyzeApi.WebApi.Filters;

namespace RyzeApi.WebApi.Controllers;

/// <summary>WhatsApp instances, as far as the Chatwoot module needs them.</summary>
[Route("api/instance")]
[Tags("Instances")]
[Produces("application/json")]
public sealed class InstanceController(ISender sender) : ControllerBase
{
    /// <summary>Create an instance</summary>
    /// <remarks>TokenAccount only (20 requests a minute). The TokenInstance is shown only in this answer.
    /// With <c>chatwootEnabled</c> the Chatwoot integration is activated too; a failed activation does not
    /// fail the creation and is reported in <c>chatwoot.error</c>.</remarks>
    /// <param name="request">The instance, optionally with an inline Chatwoot activation.</param>
    /// <param name="cancellationToken">Aborted request.</param>
    /// <response code="201">The instance, its TokenInstance (shown only here; <c>Cache-Control: no-store</c>) and, with
    /// <c>chatwootEnabled</c>, the outcome of the activation.</response>
    /// <response code="400">The body is invalid (<c>invalid body: …</c>, naming the field and what is wrong with it).</response>
    /// <response code="401">Missing or unknown token (<c>Missing token</c>, <c>Invalid token</c>), or an <c>Authorization</c>
    /// header that is not <c>Bearer &lt;token&gt;</c>.</response>
    /// <response code="403">A TokenInstance: only a TokenAccount may create instances (<c>This endpoint needs a TokenAccount</c>).</response>
    /// <response code="409">The name or the custom token is taken (<c>Instance name already exists</c>,
    /// <c>token is already in use - …</c>).</response>
    /// <response code="429">More than 20 creations a minute with this token (<c>Rate limit exceeded. Try again later.</c>).</response>
    [HttpPost("new", Name = "CreateInstance")]
    [Authorize(Policy = Policies.AccountOnly)]
    [NoStore]
    [ProducesResponseType<CreateInstanceResponse>(StatusCodes.Status201Created)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status403Forbidden)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status409Conflict)]
    public async Task<IActionResult> Create([FromBody] CreateInstanceRequest request, CancellationToken cancellationToken)
    {
        var result = await sender.Send(
            new CreateInstanceCommand(User.ToCaller(), request.Name, request.Token, request.ToChatwootFields()), cancellationToken);
        var response = new CreateInstanceResponse
        {
            Instance = new CreatedInstance { Name = result.Name, Token = result.Token, CreatedAt = result.CreatedAt },
            Chatwoot = result.Chatwoot is { } c ? new InstanceChatwoot { Status = c.Status, BridgeIntegrationId = c.BridgeIntegrationId, Error = c.Error } : null,
        };
        return StatusCode(StatusCodes.Status201Created, response);
    }

    /// <summary>List instances</summary>
    /// <remarks>A TokenAccount sees its account's instances, optionally filtered by
    /// <c>instanceName=a,b</c>; a TokenInstance sees only its own (the filter is ignored).</remarks>
    /// <param name="instanceName">Comma-separated instance names.</param>
    /// <param name="cancellationToken">Aborted request.</param>
    /// <response code="200">The instances the token can see.</response>
    /// <response code="400">A filtered name no instance can have (<c>invalid query: instanceName "…" …</c>).</response>
    /// <response code="401">Missing or unknown token (<c>Missing token</c>, <c>Invalid token</c>), or an <c>Authorization</c>
    /// header that is not <c>Bearer &lt;token&gt;</c>.</response>
    /// <response code="404">A single filtered name that does not exist (<c>Instance not found</c>).</response>
    [HttpGet("list", Name = "ListInstances")]
    [Authorize]
    [ProducesResponseType<InstanceListResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status404NotFound)]
    public async Task<InstanceListResponse> List([FromQuery] string? instanceName, CancellationToken cancellationToken)
    {
        var names = instanceName?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var found = await sender.Send(new ListInstancesQuery(User.ToCaller(), names is { Length: > 0 } ? names : null), cancellationToken);
        return new InstanceListResponse
        {
            Message = $"{found.Count} Instances found",
            Instances = [.. found.Select(i => new ListedInstance
            {
                Name = i.Name,
                CreatedAt = i.CreatedAt,
                Chatwoot = i.IntegrationId is null ? null : new InstanceChatwoot { Status = i.IntegrationStatus!.Value.ToName(), BridgeIntegrationId = i.IntegrationId },
            })],
        };
    }

    /// <summary>Delete an instance</summary>
    /// <remarks>TokenAccount only. Deletes the instance and its Chatwoot integration (the inbox is kept).</remarks>
    /// <param name="instance">Instance name.</param>
    /// <param name="cancellationToken">Aborted request.</param>
    /// <response code="200">The instance and its integration are deleted.</response>
    /// <response code="400">The instance name in the path is one no instance can have (<c>invalid path: …</c>).</response>
    /// <response code="401">Missing or unknown token (<c>Missing token</c>, <c>Invalid token</c>), or an <c>Authorization</c>
    /// header that is not <c>Bearer &lt;token&gt;</c>.</response>
    /// <response code="403">A TokenInstance: only a TokenAccount may delete instances (<c>This endpoint needs a TokenAccount</c>).</response>
    /// <response code="404">No such instance in the account (<c>Instance not found</c>).</response>
    [HttpDelete("delete/{instance}", Name = "DeleteInstance")]
    [Authorize(Policy = Policies.AccountOnly)]
    [ProducesResponseType<DeleteInstanceResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status403Forbidden)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status404NotFound)]
    public async Task<DeleteInstanceResponse> Delete(string instance, CancellationToken cancellationToken)
    {
        await sender.Send(new DeleteInstanceCommand(User.ToCaller(), instance), cancellationToken);
        return new DeleteInstanceResponse();
    }
}
