using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using RyzeApi.Application.Chatwoot.Commands.ActivateChatwoot;
using RyzeApi.Application.Chatwoot.Commands.DeactivateChatwoot;
using RyzeApi.Application.Chatwoot.Queries.GetChatwootStatus;
using RyzeApi.WebApi.Auth;
using RyzeApi.WebApi.Contracts;
using RyzeApi.WebApi.Contracts.Chatwoot;
using RyzeApi.WebApi.Errors;
using RyzeApi.WebApi.Filters;

namespace RyzeApi.WebApi.Controllers;

/// <summary>The Chatwoot integration of an instance: activate, read, deactivate.</summary>
[Route("api/chatwoot")]
[Authorize(Policy = Policies.InstanceAccess)]
[ChatwootModuleGate]
[Tags("Chatwoot")]
[Produces("application/json")]
[ProducesResponseType<ErrorEnvelope>(StatusCodes.Status403Forbidden)]
[ProducesResponseType<ErrorEnvelope>(StatusCodes.Status404NotFound)]
[ProducesResponseType<ErrorEnvelope>(StatusCodes.Status503ServiceUnavailable)]
public sealed class ChatwootController(ISender sender) : ControllerBase
{
    private readonly ISender _sender = sender;

    /// <summary>Activate the Chatwoot integration</summary>
    /// <remarks>Creates an API-channel inbox in Chatwoot whose webhook points back to RyzeApi and starts
    /// routing the instance's WhatsApp conversations to it. Runs under an internal 60 s timeout. Not
    /// idempotent, unless an <c>Idempotency-Key</c> header is sent: the same key with the same body within
    /// 24 h returns the first answer and creates nothing; with another body it is 409. Activating an instance
    /// that already has an integration creates a new inbox and replaces it.</remarks>
    /// <param name="instance">Instance name, e.g. <c>suporte</c>.</param>
    /// <param name="request">Chatwoot connection and routing flags.</param>
    /// <param name="idempotencyKey">Optional: 1 to 255 visible ASCII characters.</param>
    /// <param name="cancellationToken">Aborted request.</param>
    [HttpPost("set/{instance}", Name = "ActivateChatwoot")]
    [ProducesResponseType<ActivateChatwootResponse>(StatusCodes.Status201Created)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status409Conflict)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status502BadGateway)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status504GatewayTimeout)]
    public async Task<IActionResult> Activate(
        string instance,
        [FromBody] ActivateChatwootRequest request,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
        CancellationToken cancellationToken)
    {
        var result = await _sender.Send(
            new ActivateChatwootCommand(User.ToCaller(), instance, request.ToFields(), idempotencyKey), cancellationToken);
        return Created($"/api/chatwoot/list/{Uri.EscapeDataString(instance)}", ActivateChatwootResponse.From(result));
    }

    /// <summary>Read the Chatwoot integration</summary>
    /// <remarks>Returns the stored integration with the Chatwoot API token in plaintext. A best-effort live
    /// check (10 s) asks Chatwoot for the inbox: an inbox that is gone or a revoked token turns
    /// <c>status</c> to <c>error</c> with <c>last_error</c>; an unreachable Chatwoot keeps the stored values.</remarks>
    /// <param name="instance">Instance name, e.g. <c>suporte</c>.</param>
    /// <param name="cancellationToken">Aborted request.</param>
    [HttpGet("list/{instance}", Name = "GetChatwootIntegration")]
    [ProducesResponseType<ChatwootInfoResponse>(StatusCodes.Status200OK)]
    public async Task<ChatwootInfoResponse> Info(string instance, CancellationToken cancellationToken) =>
        ChatwootInfoResponse.From(await _sender.Send(new GetChatwootStatusQuery(User.ToCaller(), instance), cancellationToken));

    /// <summary>Deactivate the Chatwoot integration</summary>
    /// <remarks>Stops routing at once; the Chatwoot inbox is kept and its webhook URL is cleared on a
    /// best-effort basis. Activating again later creates a new inbox.</remarks>
    /// <param name="instance">Instance name, e.g. <c>suporte</c>.</param>
    /// <param name="cancellationToken">Aborted request.</param>
    [HttpDelete("delete/{instance}", Name = "DeactivateChatwoot")]
    [ProducesResponseType<MessageResponse>(StatusCodes.Status200OK)]
    public async Task<MessageResponse> Deactivate(string instance, CancellationToken cancellationToken)
    {
        await _sender.Send(new DeactivateChatwootCommand(User.ToCaller(), instance), cancellationToken);
        return new MessageResponse { Message = "chatwoot integration deactivated" };
    }
}
