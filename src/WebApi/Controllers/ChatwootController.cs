using Mediator;
using RyzeApi.Application.Chatwoot.Commands.ActivateChatwoot;
using RyzeApi.Application.Chatwoot.Commands.DeactivateChatwoot;
using RyzeApi.Application.Chatwoot.Queries.GetChatwootStatus;
using RyzeApi.WebApi.Auth;
using RyzeApi.WebApi.Contracts;
using RyzeApi.WebApi.Contracts.Chatwoot;
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
    /// <summary>Activate the Chatwoot integration</summary>
    /// <remarks>Creates an API-channel inbox in Chatwoot whose webhook points back to RyzeApi and starts
    /// routing the instance's WhatsApp conversations to it. Runs under an internal 60 s timeout. Not
    /// idempotent, unless an <c>Idempotency-Key</c> header is sent: the same key with the same body within
    /// 24 h returns the first answer and creates nothing, as long as the integration it created is still the
    /// instance's; with another body, or once that integration was deactivated or replaced, it is 409.
    /// Activating an instance that already has an integration creates a new inbox and replaces it.</remarks>
    /// <param name="instance">Instance name, e.g. <c>suporte</c>.</param>
    /// <param name="request">Chatwoot connection and routing flags.</param>
    /// <param name="idempotencyKey">Optional, 1 to 255 visible ASCII characters, e.g. a new UUID per activation.
    /// The same key with the same body within 24 h answers the first answer again and creates nothing; with
    /// another body, or after the integration it created was deactivated or replaced, it is 409.</param>
    /// <param name="cancellationToken">Aborted request.</param>
    /// <response code="201">The integration is active; <c>Location</c> is where to read it. A replay (same
    /// Idempotency-Key and body) answers the first 201 again while that integration is still the instance's.</response>
    /// <response code="400">The body is invalid (<c>invalid body: …</c>, naming the field and what is wrong with it); the
    /// instance name in the path is one no instance can have (<c>invalid path: …</c>); or Chatwoot answered that
    /// the account or endpoint does not exist, or with something that is not its API (HTML, not JSON, an inbox
    /// without a positive integer id), or that the request is invalid
    /// (<c>Chatwoot account or endpoint not found - …</c>, <c>Chatwoot rejected the request as invalid …</c>).</response>
    /// <response code="401">Missing or unknown token (<c>Missing token</c>, <c>Invalid token</c>), or an <c>Authorization</c>
    /// header that is not <c>Bearer &lt;token&gt;</c>; or Chatwoot rejected
    /// <c>chatwootApiToken</c> (<c>Chatwoot rejected the API token - verify chatwootApiToken. Detail: …</c>).</response>
    /// <response code="403">An instance token used on another instance; or the Chatwoot token is not an
    /// administrator's of that account (<c>Chatwoot denied the request - …</c>).</response>
    /// <response code="404">The instance does not exist in the caller's account (<c>instance not found</c>).</response>
    /// <response code="409">The Idempotency-Key was already used with another body, its first request is still
    /// running, or the integration it activated was deactivated or replaced since (send a new key to activate again).</response>
    /// <response code="500">A server fault, such as the database failing while storing the integration
    /// (<c>chatwoot integration failed: persist integration: the database did not store it; …</c>, a fixed text: the
    /// database's own is logged); the inbox just created is deleted again.</response>
    /// <response code="502">Chatwoot is unreachable (<c>Chatwoot is unreachable at …</c>: DNS, refused connection, TLS,
    /// no answer in time), or it answered with a server error, a 5xx from Chatwoot or the proxy in front of it
    /// (<c>Chatwoot answered with an error at … (HTTP 5xx) - retry later; …</c>).</response>
    /// <response code="503">The Chatwoot module is disabled or not configured (<c>integration gateway not configured</c>).</response>
    /// <response code="504">The activation did not complete within its internal time limit (60 s by default).</response>
    [HttpPost("set/{instance}", Name = "ActivateChatwoot")]
    [ProducesResponseType<ActivateChatwootResponse>(StatusCodes.Status201Created)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status401Unauthorized)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status409Conflict)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status502BadGateway)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status504GatewayTimeout)]
    public async Task<IActionResult> Activate(
        string instance,
        [FromBody] ActivateChatwootRequest request,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
        CancellationToken cancellationToken)
    {
        var result = await sender.Send(
            new ActivateChatwootCommand(User.ToCaller(), instance, request.ToFields(), idempotencyKey), cancellationToken);
        return Created($"/api/chatwoot/list/{Uri.EscapeDataString(instance)}", ActivateChatwootResponse.From(result));
    }

    /// <summary>Read the Chatwoot integration</summary>
    /// <remarks>Returns the stored integration with the Chatwoot API token in plaintext. A best-effort live
    /// check (10 s) asks Chatwoot for the inbox: an inbox that is gone or a revoked token turns
    /// <c>status</c> to <c>error</c> with <c>last_error</c>; an unreachable Chatwoot keeps the stored values.
    /// <c>whatsapp_state</c> and <c>whatsapp_state_since</c> show the instance's WhatsApp session as the engine last
    /// reported it; a <c>logged_out</c> or <c>temp_banned</c> session makes <c>status</c> an <c>error</c>.</remarks>
    /// <param name="instance">Instance name, e.g. <c>suporte</c>.</param>
    /// <param name="cancellationToken">Aborted request.</param>
    /// <response code="200">The integration, with the Chatwoot API token in plaintext (<c>Cache-Control: no-store</c>).</response>
    /// <response code="400">The instance name in the path is one no instance can have (<c>invalid path: …</c>).</response>
    /// <response code="403">An instance token used on another instance.</response>
    /// <response code="404">The instance does not exist in the caller's account (<c>instance not found</c>), or it
    /// has no integration (<c>no chatwoot integration for this instance</c>).</response>
    /// <response code="503">The Chatwoot module is disabled or not configured (<c>integration gateway not configured</c>).</response>
    [HttpGet("list/{instance}", Name = "GetChatwootIntegration")]
    [NoStore]
    [ProducesResponseType<ChatwootInfoResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status400BadRequest)]
    public async Task<ChatwootInfoResponse> Info(string instance, CancellationToken cancellationToken) =>
        ChatwootInfoResponse.From(await sender.Send(new GetChatwootStatusQuery(User.ToCaller(), instance), cancellationToken));

    /// <summary>Deactivate the Chatwoot integration</summary>
    /// <remarks>Stops routing at once; the Chatwoot inbox is kept and its webhook URL is cleared on a
    /// best-effort basis. Activating again later creates a new inbox.</remarks>
    /// <param name="instance">Instance name, e.g. <c>suporte</c>.</param>
    /// <param name="cancellationToken">Aborted request.</param>
    /// <response code="200">The integration is deactivated.</response>
    /// <response code="400">The instance name in the path is one no instance can have (<c>invalid path: …</c>).</response>
    /// <response code="403">An instance token used on another instance.</response>
    /// <response code="404">The instance does not exist in the caller's account (<c>instance not found</c>), or it
    /// has no integration (<c>no chatwoot integration to delete</c>).</response>
    /// <response code="503">The Chatwoot module is disabled or not configured (<c>integration gateway not configured</c>).</response>
    [HttpDelete("delete/{instance}", Name = "DeactivateChatwoot")]
    [ProducesResponseType<MessageResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status400BadRequest)]
    public async Task<MessageResponse> Deactivate(string instance, CancellationToken cancellationToken)
    {
        await sender.Send(new DeactivateChatwootCommand(User.ToCaller(), instance), cancellationToken);
        return new MessageResponse { Message = "chatwoot integration deactivated" };
    }
}
