using RyzeApi.Application.Outbox;

namespace RyzeApi.Application.Routing.Delivery;

/// <summary>What one batch of deliveries says about an integration's health, folded into one decision:
/// halted (token rejected) over error (something needs the user) over paused (retrying) over active.</summary>
public sealed class IntegrationHealth(IntegrationStatus status, string lastError)
{
    private readonly Lock _lock = new();
    private string? _halt;
    private string? _error;
    private string? _paused;
    private bool _delivered;

    public IntegrationStatus Status { get; } = status;

    public string LastError { get; } = lastError;

    public bool Halted
    {
        get
        {
            lock (_lock)
            {
                return _halt is not null;
            }
        }
    }

    public void Record(DeliveryOutcome outcome, string? givenUp)
    {
        lock (_lock)
        {
            switch (outcome)
            {
                case DeliveryOutcome.Halt halt:
                    _halt ??= halt.Error;
                    break;
                case DeliveryOutcome.Permanent permanent:
                    _error ??= "a delivery failed: " + permanent.Error;
                    break;
                case DeliveryOutcome.Transient when givenUp is not null:
                    _error ??= givenUp;
                    break;
                case DeliveryOutcome.Transient transient:
                    _paused ??= transient.Error;
                    break;
                case DeliveryOutcome.Delivered:
                    _delivered = true;
                    break;
            }

            if (outcome is DeliveryOutcome.Wait && givenUp is not null)
            {
                _error ??= givenUp;
            }
        }
    }

    /// <returns>The new (status, last error, halt) when it differs from the stored one, else null.</returns>
    public (IntegrationStatus Status, string LastError, bool Halt)? Change()
    {
        lock (_lock)
        {
            (IntegrationStatus, string, bool)? wanted =
                _halt is not null ? (IntegrationStatus.Error, _halt, true)
                : _error is not null ? (IntegrationStatus.Error, _error, false)
                : _paused is not null ? (IntegrationStatus.Paused, "Chatwoot or the engine is unavailable; deliveries are being retried: " + _paused, false)
                : _delivered ? (IntegrationStatus.Active, string.Empty, false)
                : null;
            return wanted is { } w && (w.Item1 != Status || w.Item2 != LastError || w.Item3) ? w : null;
        }
    }
}
