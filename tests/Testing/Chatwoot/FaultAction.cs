namespace RyzeApi.Testing.Chatwoot;

/// <summary>What a <see cref="FakeFault"/> does once its delay has passed.</summary>
public enum FaultAction
{
    /// <summary>Answer with the fault's status, body and content type instead of Chatwoot's answer.</summary>
    Respond,

    /// <summary>Abort the connection without any response.</summary>
    DropConnection,

    /// <summary>Answer as Chatwoot would (the fault is only a delay).</summary>
    Proceed,

    /// <summary>Let Chatwoot do the work (an inbox is created, a message posted…), then send the fault's status,
    /// body and content type instead of Chatwoot's answer, as a proxy rewriting answers would.</summary>
    ProceedThenRespond,

    /// <summary>Let Chatwoot do the work, then hold its answer back for <see cref="FakeFault.AnswerDelay"/>: a client
    /// that times out first never learns that the work was done.</summary>
    ProceedThenHoldAnswer,
}
