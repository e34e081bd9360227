namespace RyzeApi.Testing.Chatwoot;

/// <summary>The scripted faults, in the order they were added. A request takes the first one that matches it
/// and still has uses left; taking is atomic, so with concurrent requests each use goes to exactly one.</summary>
internal sealed class FaultScripts
{
    private readonly Lock _lock = new();
    private readonly List<Script> _scripts = [];
    private volatile bool _refuseChunked;

    /// <summary>Answer every request sent with <c>Transfer-Encoding: chunked</c> with nginx's 411 page, before any
    /// script; not cleared with the scripts.</summary>
    public bool RefuseChunked
    {
        get => _refuseChunked;
        set => _refuseChunked = value;
    }

    /// <param name="times">Uses; null for every matching request until cleared.</param>
    public void Add(FakeFault fault, int? times, Func<RecordedRequest, bool>? matching)
    {
        ArgumentNullException.ThrowIfNull(fault);
        if (times is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(times), times, "A script needs at least one use.");
        }

        lock (_lock)
        {
            _scripts.Add(new Script(fault, times, matching));
        }
    }

    public FakeFault? Take(RecordedRequest request)
    {
        lock (_lock)
        {
            for (var i = 0; i < _scripts.Count; i++)
            {
                var script = _scripts[i];
                if (script.Matching is not null && !script.Matching(request))
                {
                    continue;
                }

                if (script.Remaining is not null && --script.Remaining == 0)
                {
                    _scripts.RemoveAt(i);
                }

                return script.Fault;
            }

            return null;
        }
    }

    public void Clear()
    {
        lock (_lock)
        {
            _scripts.Clear();
        }
    }

    private sealed class Script(FakeFault fault, int? remaining, Func<RecordedRequest, bool>? matching)
    {
        public FakeFault Fault { get; } = fault;

        public int? Remaining { get; set; } = remaining;

        public Func<RecordedRequest, bool>? Matching { get; } = matching;
    }
}
