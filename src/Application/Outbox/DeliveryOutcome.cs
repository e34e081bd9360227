using RyzeApi.Application.Routing.Model;

namespace RyzeApi.Application.Outbox;

/// <summary>What one attempt at a unit of work came to.</summary>
public abstract record DeliveryOutcome
{
    /// <summary>Delivered; <see cref="Link"/> and <see cref="FollowUp"/> are recorded with the completion.</summary>
    public sealed record Delivered(MessageLink? Link, NewOutboxItem? FollowUp) : DeliveryOutcome;

    /// <summary>Nothing to deliver (an echo, a report for an unknown message): done, health unchanged.</summary>
    public sealed record Skipped(string Reason) : DeliveryOutcome;

    /// <summary>Worth another attempt later (network, timeout, 5xx, 429).</summary>
    public sealed record Transient(string Error) : DeliveryOutcome;

    /// <summary>Not possible yet for a reason that says nothing about Chatwoot's health: try again later.
    /// <see cref="ForSession"/>: the WhatsApp session is down; the item is due again as soon as it is connected.</summary>
    public sealed record Wait(string Reason, bool ForSession = false) : DeliveryOutcome;

    /// <summary>The process is stopping: the item goes back untouched, the attempt not counted.</summary>
    public sealed record Interrupted : DeliveryOutcome;

    /// <summary>Will never work as it is (other 4xx): failed, kept for inspection. <see cref="MayHaveArrived"/>: the send
    /// may have gone through all the same (an unreadable answer), so it is never sent again.</summary>
    public sealed record Permanent(string Error, NewOutboxItem? FollowUp, bool MayHaveArrived = false) : DeliveryOutcome;

    /// <summary>Chatwoot rejected the token: every delivery of the integration stops until it is activated again.</summary>
    public sealed record Halt(string Error) : DeliveryOutcome;

    /// <summary>What the outbox row's <c>last_error</c> and the logs say of it.</summary>
    public string Describe() => this switch
    {
        Transient t => t.Error,
        Wait w => w.Reason,
        Permanent p => p.Error,
        Halt h => h.Error,
        Skipped s => s.Reason,
        Interrupted => "the process is stopping",
        _ => "delivered",
    };
}
