namespace RyzeApi.Application.Outbox;

/// <summary>Whether any delivery of an integration's share of a batch found the WhatsApp session down.</summary>
internal sealed class SessionWatch
{
    private int _down;

    public bool Down => Volatile.Read(ref _down) == 1;

    public void Saw(DeliveryOutcome outcome)
    {
        if (outcome is DeliveryOutcome.Wait { ForSession: true })
        {
            Volatile.Write(ref _down, 1);
        }
    }
}
