using System.Security.Cryptography;

namespace RyzeApi.Testing.Engine;

/// <summary>What the fake engine knows: the accepted token, the instances (any name when none was added), which are
/// disconnected, the sends it accepted in order, and the media files it serves. Thread-safe; outlives restarts.</summary>
internal sealed partial class EngineState
{
    private readonly Lock _lock = new();
    private readonly List<FakeEngineSend> _sends = [];
    private readonly HashSet<string> _instances = new(StringComparer.Ordinal);
    private readonly HashSet<string> _disconnected = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (byte[] Content, string ContentType, string FileName)> _media = new(StringComparer.Ordinal);
    private string _token;

    public EngineState(string token) => _token = token;

    /// <summary>Run after a send is recorded and before it is answered (see <see cref="FakeEngine.BeforeAnswer"/>).</summary>
    public Func<FakeEngineSend, Task>? BeforeAnswer { get; set; }

    /// <summary>What a disconnected instance's sends get: RyzeAPI answers 400 or 503, by version.</summary>
    public int NotConnectedStatus { get; set; } = 400;

    public string Token
    {
        get
        {
            lock (_lock)
            {
                return _token;
            }
        }

        set
        {
            lock (_lock)
            {
                _token = value;
            }
        }
    }

    /// <summary>A WhatsApp-web-shaped message id (<c>3EB0</c> and 16 hex digits), unique per call.</summary>
    public static string NewMessageId() => "3EB0" + Convert.ToHexString(RandomNumberGenerator.GetBytes(8));

    public void AddInstance(string name)
    {
        lock (_lock)
        {
            _instances.Add(name);
        }
    }

    public void SetConnected(string instance, bool connected)
    {
        lock (_lock)
        {
            if (connected)
            {
                _disconnected.Remove(instance);
            }
            else
            {
                _disconnected.Add(instance);
            }
        }
    }

    public bool IsKnown(string instance)
    {
        lock (_lock)
        {
            return _instances.Count == 0 || _instances.Contains(instance);
        }
    }

    public bool IsConnected(string instance)
    {
        lock (_lock)
        {
            return !_disconnected.Contains(instance);
        }
    }

    public void Record(FakeEngineSend send)
    {
        lock (_lock)
        {
            _sends.Add(send);
        }
    }

    public IReadOnlyList<FakeEngineSend> Sends()
    {
        lock (_lock)
        {
            return [.. _sends];
        }
    }

    public string AddMedia(byte[] content, string contentType, string fileName)
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        lock (_lock)
        {
            _media[id] = (content.ToArray(), contentType, fileName);
        }

        return id;
    }

    public (byte[] Content, string ContentType, string FileName)? FindMedia(string id)
    {
        lock (_lock)
        {
            return _media.TryGetValue(id, out var media) ? media : null;
        }
    }

    public void ClearSends()
    {
        lock (_lock)
        {
            _sends.Clear();
        }
    }

    /// <summary>Forgets sends, instances, connection states, media and <see cref="BeforeAnswer"/>; the token stays.</summary>
    public void Reset()
    {
        lock (_lock)
        {
            _sends.Clear();
            _instances.Clear();
            _disconnected.Clear();
            _media.Clear();
            ResetChatActions();
            NotConnectedStatus = 400;
        }

        BeforeAnswer = null;
    }
}
