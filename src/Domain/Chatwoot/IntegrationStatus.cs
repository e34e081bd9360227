namespace RyzeApi.Domain.Chatwoot;

/// <summary>Health of a Chatwoot integration as users see it.</summary>
public enum IntegrationStatus
{
    /// <summary>Routing works.</summary>
    Active,

    /// <summary>Deliveries are being retried because Chatwoot is unavailable.</summary>
    Paused,

    /// <summary>A failure that needs the user: token revoked, inbox deleted, deliveries given up.</summary>
    Error,
}
