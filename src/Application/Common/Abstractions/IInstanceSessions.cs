using RyzeApi.Application.Routing.Model;

namespace RyzeApi.Application.Common.Abstractions;

/// <summary>Each instance's WhatsApp session state, kept with since when it holds.</summary>
public interface IInstanceSessions
{
    /// <summary>Records the state the engine reported, in one transaction with what it implies: its
    /// <see cref="WhatsAppSession.ProblemOf"/> becomes the integration's error (unless deliveries are halted for
    /// another reason), a state without a problem clears such an error, and <c>connected</c> makes the deliveries
    /// that wait for the session due now. <c>since</c> moves only when the state changes.</summary>
    /// <returns>The session as now recorded, and how many waiting deliveries were made due.</returns>
    Task<(WhatsAppSession Session, int Released)> RecordAsync(Guid instanceId, string state, CancellationToken cancellationToken);

    /// <summary>A send to WhatsApp for the integration's instance found its session down: the state becomes
    /// <c>disconnected</c> (since now) unless it is known already not to be <c>connected</c>.</summary>
    Task SendFoundNotConnectedAsync(string integrationId, CancellationToken cancellationToken);

    /// <summary>Null when the engine has reported nothing yet.</summary>
    Task<WhatsAppSession?> FindAsync(Guid instanceId, CancellationToken cancellationToken);
}
