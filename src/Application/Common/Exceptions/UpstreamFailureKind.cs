namespace RyzeApi.Application.Common.Exceptions;

/// <summary>Why an upstream service (Chatwoot) refused a request; each kind has one HTTP status.</summary>
public enum UpstreamFailureKind
{
    /// <summary>The credentials were rejected (401).</summary>
    CredentialsRejected,

    /// <summary>The credentials are valid but lack permission (403).</summary>
    AccessDenied,

    /// <summary>The account or endpoint does not exist, or the answer is not the upstream API (400).</summary>
    EndpointNotFound,

    /// <summary>The upstream rejected the request as invalid (400).</summary>
    RequestInvalid,
}
