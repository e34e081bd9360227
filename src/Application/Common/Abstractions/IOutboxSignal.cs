namespace RyzeApi.Application.Common.Abstractions;

/// <summary>Wakes this process's outbox workers after work was recorded, so delivery does not wait
/// for the next poll. Other processes find the work on their own poll.</summary>
public interface IOutboxSignal
{
    void Notify();
}
