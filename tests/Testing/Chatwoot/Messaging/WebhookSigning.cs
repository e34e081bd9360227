namespace RyzeApi.Testing.Chatwoot;

/// <summary>How the fake signs a webhook. Chatwoot 4.13+ signs every API-inbox webhook with the inbox's
/// <c>secret</c>: <c>X-Chatwoot-Signature: sha256=HEX(HMAC-SHA256(secret, "TIMESTAMP.BODY"))</c> and
/// <c>X-Chatwoot-Timestamp: TIMESTAMP</c> (Unix seconds).</summary>
public enum WebhookSigning
{
    /// <summary>As Chatwoot 4.13+ does.</summary>
    Signed,

    /// <summary>No signature or timestamp header, as before 4.13.</summary>
    Unsigned,

    /// <summary>A well-formed signature made with another secret.</summary>
    WrongSignature,

    /// <summary>Correctly signed, but with a timestamp ten minutes old.</summary>
    StaleTimestamp,
}
