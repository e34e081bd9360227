namespace RyzeApi.Application.Common.Exceptions;

/// <summary>What went wrong, in the terms that decide what happens next. The host maps each kind once to a status
/// and a log level (WebApi's <c>FailureAnswers</c>); code that handles failures asks the kind, never a list of
/// exception types (docs/adr/0023-one-failure-model.md).</summary>
public enum FailureKind
{
    /// <summary>The request broke one or more rules (400).</summary>
    Validation,

    /// <summary>The caller proved nothing: a missing or wrong signature (401).</summary>
    Unauthenticated,

    /// <summary>The addressed resource does not exist for this caller (404).</summary>
    NotFound,

    /// <summary>The request conflicts with the current state (409).</summary>
    Conflict,

    /// <summary>Chatwoot refused the request as invalid, or the account or endpoint does not exist (400).</summary>
    UpstreamRejected,

    /// <summary>Chatwoot rejected the API token (401).</summary>
    UpstreamCredentialsRejected,

    /// <summary>Chatwoot accepted the token but denied the request (403).</summary>
    UpstreamDenied,

    /// <summary>Chatwoot could not be reached or answered with a server error (502); retrying may help.</summary>
    UpstreamUnavailable,

    /// <summary>The Chatwoot module is disabled or lacks its settings (503): the operator's choice, not a fault.</summary>
    NotConfigured,

    /// <summary>Our own time budget for the request ran out (504).</summary>
    TimedOut,

    /// <summary>The database failed while storing an outcome; the message says so without the database's text (500).</summary>
    PersistenceFailed,

    /// <summary>A stored secret cannot be decrypted (500); the operator restores the key.</summary>
    SecretUnreadable,

    /// <summary>The database is unreachable or failed; retrying may help. Its text is for the log only.</summary>
    DatabaseUnavailable,

    /// <summary>The WhatsApp engine refused a send for good.</summary>
    EngineRejected,

    /// <summary>The WhatsApp engine could not be reached or failed; retrying may help.</summary>
    EngineUnavailable,

    /// <summary>The engine accepted a send but its answer is unusable; sending again could duplicate the message.</summary>
    EngineAnswerUnreadable,

    /// <summary>A media file could not be downloaded.</summary>
    MediaUnavailable,

    /// <summary>The engine's WhatsApp session for the instance is down: the send waits for it, it is not refused.</summary>
    EngineNotConnected,
}
