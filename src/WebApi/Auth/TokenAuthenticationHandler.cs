using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using RyzeApi.Application.Common.Abstractions;
using RyzeApi.Application.Common.Security;
using RyzeApi.WebApi.Errors;

namespace RyzeApi.WebApi.Auth;

/// <summary>Reads a TokenAccount or TokenInstance from the <c>token</c> header (preferred) or
/// <c>Authorization: Bearer</c>, and resolves it by its SHA-256 hash. A challenge answers 401 in the
/// envelope: <c>Missing token</c> or <c>Invalid token</c>.</summary>
public sealed class TokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ICredentialStore credentials)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Token";
    private readonly ICredentialStore _credentials = credentials;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (ReadToken(Request) is not { } token)
        {
            return AuthenticateResult.NoResult();
        }

        var hash = SecretTokens.Hash(token);
        var caller = await _credentials.FindByTokenHashAsync(hash, Context.RequestAborted);
        if (caller is null)
        {
            return AuthenticateResult.Fail("Invalid token");
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(CallerClaims.From(caller, hash), SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        EnvelopeWriter.WriteAsync(Context, StatusCodes.Status401Unauthorized, ReadToken(Request) is null ? "Missing token" : "Invalid token");

    internal static string? ReadToken(HttpRequest request)
    {
        if (request.Headers["token"].ToString() is { Length: > 0 } header)
        {
            return header.Trim();
        }

        var authorization = request.Headers.Authorization.ToString();
        const string bearer = "Bearer ";
        return authorization.StartsWith(bearer, StringComparison.OrdinalIgnoreCase) && authorization.Length > bearer.Length
            ? authorization[bearer.Length..].Trim()
            : null;
    }
}
