namespace RyzeApi.Testing.Chatwoot;

/// <summary>Everything the fake Chatwoot knows: accounts, the access tokens of their members, and inboxes.
/// Every member is atomic under one lock, so concurrent requests and test code see consistent state; the
/// records it hands out are immutable. New resource kinds (contacts, conversations…) belong here too.</summary>
internal sealed partial class FakeChatwootState
{
    private readonly Lock _lock = new();
    private readonly HashSet<long> _accounts = [];

    // token → account id → administrator?; one token is one user, who may belong to several accounts.
    private readonly Dictionary<string, Dictionary<long, bool>> _members = new(StringComparer.Ordinal);
    private readonly SortedDictionary<long, FakeInbox> _inboxes = [];
    private long _lastInboxId;
    private long _lastChannelId;

    public void AddAccount(long accountId)
    {
        lock (_lock)
        {
            _accounts.Add(accountId);
        }
    }

    public void AddMember(long accountId, string token, bool administrator)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        lock (_lock)
        {
            if (!_accounts.Contains(accountId))
            {
                throw new InvalidOperationException($"Account {accountId} is unknown; call AddAccount first.");
            }

            if (!_members.TryGetValue(token, out var accounts))
            {
                _members[token] = accounts = [];
            }

            accounts[accountId] = administrator;
        }
    }

    /// <summary>Forgets the token for every account it belonged to; true when it was known.</summary>
    public bool RemoveToken(string token)
    {
        lock (_lock)
        {
            return _members.Remove(token);
        }
    }

    public bool IsKnownToken(string token)
    {
        lock (_lock)
        {
            return _members.ContainsKey(token);
        }
    }

    public bool AccountExists(long accountId)
    {
        lock (_lock)
        {
            return _accounts.Contains(accountId);
        }
    }

    public ChatwootCaller? Member(string token, long accountId)
    {
        lock (_lock)
        {
            return _members.TryGetValue(token, out var accounts) && accounts.TryGetValue(accountId, out var administrator)
                ? new ChatwootCaller(accountId, administrator)
                : null;
        }
    }

    public FakeInbox CreateApiInbox(long accountId, string name, string? webhookUrl, bool hmacMandatory)
    {
        lock (_lock)
        {
            var inbox = new FakeInbox(
                ++_lastInboxId, accountId, ++_lastChannelId, name, webhookUrl, hmacMandatory,
                SecureToken.Generate(), SecureToken.Generate(), SecureToken.Generate());
            _inboxes[inbox.Id] = inbox;
            return inbox;
        }
    }

    public FakeInbox? FindInbox(long accountId, long inboxId)
    {
        lock (_lock)
        {
            return _inboxes.TryGetValue(inboxId, out var inbox) && inbox.AccountId == accountId ? inbox : null;
        }
    }

    /// <summary>Replaces the inbox with <paramref name="change"/>'s result; null when there is no such inbox.</summary>
    public FakeInbox? UpdateInbox(long accountId, long inboxId, Func<FakeInbox, FakeInbox> change)
    {
        lock (_lock)
        {
            if (!_inboxes.TryGetValue(inboxId, out var inbox) || inbox.AccountId != accountId)
            {
                return null;
            }

            return _inboxes[inboxId] = change(inbox) with { Id = inbox.Id, AccountId = inbox.AccountId };
        }
    }

    public bool RemoveInbox(long accountId, long inboxId)
    {
        lock (_lock)
        {
            return _inboxes.TryGetValue(inboxId, out var inbox) && inbox.AccountId == accountId && _inboxes.Remove(inboxId);
        }
    }

    /// <summary>All inboxes, by id.</summary>
    public IReadOnlyList<FakeInbox> Inboxes()
    {
        lock (_lock)
        {
            return [.. _inboxes.Values];
        }
    }

    /// <summary>Forgets everything; ids start at 1 again.</summary>
    public void Reset()
    {
        lock (_lock)
        {
            _accounts.Clear();
            _members.Clear();
            _inboxes.Clear();
            _lastInboxId = 0;
            _lastChannelId = 0;
        }
    }
}
