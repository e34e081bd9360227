namespace RyzeApi.Testing.Engine;

/// <summary>The chat actions the fake engine accepted: deletions, presence and read marks, in order.</summary>
internal sealed partial class EngineState
{
    private readonly List<FakeEngineDeletion> _deletions = [];
    private readonly List<FakeEnginePresence> _presences = [];
    private readonly List<FakeEngineChatRead> _chatReads = [];

    public bool WasSent(string messageId)
    {
        lock (_lock)
        {
            return _sends.Any(s => s.MessageId == messageId);
        }
    }

    public void Record(FakeEngineDeletion deletion)
    {
        lock (_lock)
        {
            _deletions.Add(deletion);
        }
    }

    public void Record(FakeEnginePresence presence)
    {
        lock (_lock)
        {
            _presences.Add(presence);
        }
    }

    public void Record(FakeEngineChatRead read)
    {
        lock (_lock)
        {
            _chatReads.Add(read);
        }
    }

    public IReadOnlyList<FakeEngineDeletion> Deletions()
    {
        lock (_lock)
        {
            return [.. _deletions];
        }
    }

    public IReadOnlyList<FakeEnginePresence> Presences()
    {
        lock (_lock)
        {
            return [.. _presences];
        }
    }

    public IReadOnlyList<FakeEngineChatRead> ChatReads()
    {
        lock (_lock)
        {
            return [.. _chatReads];
        }
    }

    private void ResetChatActions()
    {
        _deletions.Clear();
        _presences.Clear();
        _chatReads.Clear();
    }
}

/// <summary>A <c>DELETE /api/chat/delete/{instance}</c> the fake accepted.</summary>
public sealed record FakeEngineDeletion(string Instance, string MessageId, bool DeleteForEveryone, string Body);

/// <summary>A <c>POST /api/chat/presence/{instance}</c> the fake accepted: <see cref="State"/> as sent (lowercase).</summary>
public sealed record FakeEnginePresence(string Instance, string Number, string State, int? Duration, string Body);

/// <summary>A <c>POST /api/chat/markChatRead/{instance}</c> the fake accepted.</summary>
public sealed record FakeEngineChatRead(string Instance, string Number, bool Read, string Body);
