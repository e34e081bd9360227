using System.Diagnostics;

namespace RyzeApi.Application.Common.Exceptions;

/// <summary>What a <see cref="FailureKind"/> means outside HTTP. Every kind is named in each switch, so a new kind
/// fails the tests until it is placed.</summary>
public static class FailureKindTraits
{
    public static bool MessageIsForTheCaller(this FailureKind kind) => kind switch
    {
        FailureKind.Validation or FailureKind.Unauthenticated or FailureKind.NotFound or FailureKind.Conflict
            or FailureKind.UpstreamRejected or FailureKind.UpstreamCredentialsRejected or FailureKind.UpstreamDenied
            or FailureKind.UpstreamUnavailable or FailureKind.NotConfigured or FailureKind.TimedOut
            or FailureKind.PersistenceFailed => true,

        // Key ids and rotation hints, database text, the engine's address and answers: for the operator's log.
        FailureKind.SecretUnreadable or FailureKind.DatabaseUnavailable or FailureKind.EngineRejected
            or FailureKind.EngineUnavailable or FailureKind.EngineAnswerUnreadable or FailureKind.MediaUnavailable
            or FailureKind.EngineNotConnected => false,
        _ => throw new UnreachableException($"failure kind {kind} is not placed"),
    };

    public static bool IsServerFault(this FailureKind kind) => kind switch
    {
        FailureKind.PersistenceFailed or FailureKind.SecretUnreadable or FailureKind.DatabaseUnavailable
            or FailureKind.EngineRejected or FailureKind.EngineUnavailable or FailureKind.EngineAnswerUnreadable
            or FailureKind.MediaUnavailable or FailureKind.EngineNotConnected => true,
        FailureKind.Validation or FailureKind.Unauthenticated or FailureKind.NotFound or FailureKind.Conflict
            or FailureKind.UpstreamRejected or FailureKind.UpstreamCredentialsRejected or FailureKind.UpstreamDenied
            or FailureKind.UpstreamUnavailable or FailureKind.NotConfigured or FailureKind.TimedOut => false,
        _ => throw new UnreachableException($"failure kind {kind} is not placed"),
    };
}
