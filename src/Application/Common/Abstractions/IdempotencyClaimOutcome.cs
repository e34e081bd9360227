namespace RyzeApi.Application.Common.Abstractions;

public enum IdempotencyClaimOutcome
{
    /// <summary>The key is new: go ahead and complete or release it.</summary>
    Claimed,

    /// <summary>The same request already succeeded: answer with the stored response.</summary>
    Replay,

    /// <summary>The key was used with a different request body.</summary>
    Mismatch,

    /// <summary>The first request with this key is still running.</summary>
    InProgress,
}
