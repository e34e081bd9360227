namespace RyzeApi.Testing.Engine;

/// <summary>The WhatsApp profiles the fake knows, by number (as <c>getAccount</c> is asked: a JID, a LID or digits).</summary>
internal sealed partial class EngineState
{
    private readonly Dictionary<string, (string? Picture, string? Name)> _profiles = new(StringComparer.Ordinal);

    public void SetProfile(string number, string? picture, string? name)
    {
        lock (_lock)
        {
            _profiles[number] = (picture, name);
        }
    }

    public (string? Picture, string? Name)? FindProfile(string number)
    {
        lock (_lock)
        {
            return _profiles.TryGetValue(number, out var profile) ? profile : null;
        }
    }
}
