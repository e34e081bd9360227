using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using RyzeApi.Application.Common.Abstractions;
using RyzeApi.Application.Common.Security;

namespace RyzeApi.WebApi.Auth;

/// <summary>Reads a TokenAccount or TokenInstance from the <c>token</c> header (preferred) or
/// <c>Authorization: Bearer</c>, and resolves it by its SHA-256 hash. A challenge answers 401 in the
/// envelope: <c>Missing token</c>, <c>Invalid token</c>, or <see cref="NotBearerMessage"/> when an
/// <c>Authorization</c> header was sent in another form.</summary>
public sealed class TokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ICredentialStore credentials)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Token";
    public const string MissingTokenMessage = "Missing token";
    public const string InvalidTokenMessage = "Invalid token";
    public const string NotBearerMessage = "Authorization header must be \"Bearer <token>\" - or send the token alone in the token header";
    private const string Bearer = "Bearer ";
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (ReadToken(Request) is not { } token)
        {
            return AuthenticateResult.NoResult();
        }

        var hash = SecretTokens.Hash(token);
        var caller = await credentials.FindByTokenHashAsync(hash, Context.RequestAborted);
        if (caller is null)
        {
            return AuthenticateResult.Fail(InvalidTokenMessage);
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(CallerClaims.From(caller, hash), SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        EnvelopeWriter.WriteAsync(Context, StatusCodes.Status401Unauthorized, ChallengeMessage(Request));

    internal static string? ReadToken(HttpRequest request)
    {
        if (request.Headers["token"].ToString() is { Length: > 0 } header)
        {
            return header.Trim();
        }

        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase) && authorization[Bearer.Length..].Trim() is { Length: > 0 } token
            ? token
            : null;
    }

    /// <summary>Why the request is not authenticated: a token was read and is unknown, an Authorization header
    /// was sent in another form than <c>Bearer &lt;token&gt;</c> (e.g. the bare token, or Basic), or nothing was sent.</summary>
    internal static string ChallengeMessage(HttpRequest request)
    {
        if (ReadToken(request) is not null)
        {
            return InvalidTokenMessage;
        }

        return string.IsNullOrWhiteSpace(request.Headers.Authorization.ToString()) ? MissingTokenMessage : NotBearerMessage;
    }
}
