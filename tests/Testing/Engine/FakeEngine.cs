using Microsoft.AspNetCore.Builder;
using RyzeApi.Testing.Chatwoot;

namespace RyzeApi.Testing.Engine;

/// <summary>A WhatsApp engine stand-in on 127.0.0.1 (a free port) speaking the send half of the RyzeAPI engine's API:
/// <c>POST /api/message/text/{instance}</c> and <c>/api/message/media/{instance}</c> with a <c>token</c> header,
/// answering <c>{"success":true,"message":"Message sent","data":{"messageId":…}}</c>. It records every request and
/// every accepted send in order, serves media files for engine events, answers with scripted faults, and can stop
/// listening (connections refused) and listen again on the same port. Thread-safe; <see cref="Reset"/> between tests.</summary>
public sealed class FakeEngine : IAsyncDisposable
{
    public const string DefaultToken = "engine-token";

    private readonly EngineState _state;
    private readonly RequestLog _requests;
    private readonly FaultScripts _scripts;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly int _port;
    private WebApplication? _app;
    private CancellationTokenSource? _stopping;
    private int _disposed;

    private FakeEngine(EngineState state, RequestLog requests, FaultScripts scripts, WebApplication app, CancellationTokenSource stopping, int port)
    {
        _state = state;
        _requests = requests;
        _scripts = scripts;
        _app = app;
        _stopping = stopping;
        _port = port;
        BaseUrl = $"http://127.0.0.1:{port}";
    }

    /// <summary><c>http://127.0.0.1:PORT</c>, no trailing slash; the same after <see cref="AcceptConnectionsAsync"/>.</summary>
    public string BaseUrl { get; }

    public Uri BaseUri => new(BaseUrl);

    /// <summary>The token the <c>token</c> header must carry.</summary>
    public string Token
    {
        get => _state.Token;
        set => _state.Token = value;
    }

    /// <summary>Every request received, faulted ones included, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => _requests.Snapshot();

    /// <summary>Every send the engine accepted (answered with a message id), in order.</summary>
    public IReadOnlyList<FakeEngineSend> Sends => _state.Sends();

    /// <summary>Every deletion (<c>DELETE /api/chat/delete</c>) the engine accepted, in order.</summary>
    public IReadOnlyList<FakeEngineDeletion> Deletions => _state.Deletions();

    /// <summary>Every presence (<c>POST /api/chat/presence</c>) the engine accepted, in order.</summary>
    public IReadOnlyList<FakeEnginePresence> Presences => _state.Presences();

    /// <summary>Every read mark (<c>POST /api/chat/markChatRead</c>) the engine accepted, in order.</summary>
    public IReadOnlyList<FakeEngineChatRead> ChatReads => _state.ChatReads();

    public bool IsListening => _app is not null;

    public static async Task<FakeEngine> StartAsync(string token = DefaultToken, CancellationToken cancellationToken = default)
    {
        var state = new EngineState(token);
        var requests = new RequestLog();
        var scripts = new FaultScripts();
        var (app, stopping, port) = await ListenAsync(state, requests, scripts, 0, cancellationToken);
        return new FakeEngine(state, requests, scripts, app, stopping, port);
    }

    /// <summary>A loopback URL nothing listens on, for "engine unreachable" tests.</summary>
    public static string UnusedLoopbackUrl() => FakeChatwoot.UnusedLoopbackUrl();

    /// <summary>Only these instances exist from now on (others get 404 <c>Instance not found</c>); with none added,
    /// every instance name is accepted.</summary>
    public void AddInstance(string name) => _state.AddInstance(name);

    /// <summary>The picture URL and profile name <c>getAccount</c> answers for <paramref name="number"/>.</summary>
    public void SetProfile(string number, string? picture, string? name) => _state.SetProfile(number, picture, name);

    /// <summary>A disconnected instance's sends get 400 (or <see cref="NotConnectedStatus"/>) <c>Instance is not connected to WhatsApp</c>.</summary>
    public void SetConnected(string instance, bool connected) => _state.SetConnected(instance, connected);

    /// <summary>The status of the "not connected" answer: 400 by default, 503 as some RyzeAPI versions answer.</summary>
    public int NotConnectedStatus
    {
        get => _state.NotConnectedStatus;
        set => _state.NotConnectedStatus = value;
    }

    /// <summary>Serves <paramref name="content"/> at the returned URL (no token needed), for media events.</summary>
    public string ServeMedia(byte[] content, string contentType, string fileName) =>
        $"{BaseUrl}{EngineEndpoints.MediaPrefix}{_state.AddMedia(content, contentType, fileName)}/{Uri.EscapeDataString(fileName)}";

    public void Script(FakeFault fault, int times = 1, Func<RecordedRequest, bool>? matching = null) => _scripts.Add(fault, times, matching);

    public void ScriptAlways(FakeFault fault, Func<RecordedRequest, bool>? matching = null) => _scripts.Add(fault, null, matching);

    /// <summary>E.g. <c>FailNext(400, EngineErrors.NotConnected)</c> or <c>FailNext(500, EngineErrors.InternalServerError)</c>.</summary>
    public void FailNext(
        int statusCode, string body, string contentType = FakeFault.JsonContentType, int times = 1, Func<RecordedRequest, bool>? matching = null) =>
        Script(FakeFault.Respond(statusCode, body, contentType), times, matching);

    public void DelayNext(TimeSpan delay, int times = 1, Func<RecordedRequest, bool>? matching = null) => Script(FakeFault.Slow(delay), times, matching);

    public void DropNext(int times = 1, Func<RecordedRequest, bool>? matching = null) => Script(FakeFault.DropConnection(), times, matching);

    public void ClearScripts() => _scripts.Clear();

    /// <summary>Runs after a send is recorded and before it is answered, as a real engine reports its own send
    /// (<c>message.exchange</c>, outgoing) while the API still waits for the answer, e.g. to post that echo.</summary>
    public Func<FakeEngineSend, Task>? BeforeAnswer
    {
        get => _state.BeforeAnswer;
        set => _state.BeforeAnswer = value;
    }

    /// <summary>When set, every request sent with <c>Transfer-Encoding: chunked</c> gets nginx's
    /// <c>411 Length Required</c> page (recorded all the same), as some reverse proxies answer. Off by default.</summary>
    public bool RefuseChunkedRequests
    {
        get => _scripts.RefuseChunked;
        set => _scripts.RefuseChunked = value;
    }

    public void ClearRequests() => _requests.Clear();

    /// <summary>Waits until at least <paramref name="count"/> sends were accepted (10 s by default); returns them all.</summary>
    public async Task<IReadOnlyList<FakeEngineSend>> WaitForSendsAsync(int count, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var sends = Sends;
            if (sends.Count >= count)
            {
                return sends;
            }

            try
            {
                await Task.Delay(20, limit.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"The engine accepted {sends.Count} sends, not {count}: {string.Join("; ", sends)}");
            }
        }
    }

    /// <summary>Stops listening: connections are refused until <see cref="AcceptConnectionsAsync"/>. Requests in
    /// flight (scripted delays included) are cut off.</summary>
    public async Task RefuseConnectionsAsync()
    {
        await _gate.WaitAsync();
        try
        {
            await StopAppAsync();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Listens again on the same port, with the same state, scripts and request log.</summary>
    public async Task AcceptConnectionsAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_app is null)
            {
                (_app, _stopping, _) = await ListenAsync(_state, _requests, _scripts, _port, cancellationToken);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Forgets sends, instances, connection states, media, scripts and requests; the token stays.</summary>
    public void Reset()
    {
        _scripts.Clear();
        _scripts.RefuseChunked = false;
        _state.Reset();
        _requests.Clear();
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await StopAppAsync();
        _gate.Dispose();
    }

    private async Task StopAppAsync()
    {
        if (_app is not { } app)
        {
            return;
        }

        _app = null;
        await _stopping!.CancelAsync();
        await app.StopAsync();
        await app.DisposeAsync();
        _stopping.Dispose();
        _stopping = null;
    }

    private static async Task<(WebApplication App, CancellationTokenSource Stopping, int Port)> ListenAsync(
        EngineState state, RequestLog requests, FaultScripts scripts, int port, CancellationToken cancellationToken)
    {
        var app = LoopbackHost.Build(port);
        var stopping = new CancellationTokenSource();
        app.Use(new RequestPipeline(requests, scripts, stopping.Token).InvokeAsync);
        EngineProfileEndpoints.Map(app, state);
        EngineEndpoints.Map(app, state);
        var address = await LoopbackHost.StartAsync(app, stopping, cancellationToken);
        return (app, stopping, new Uri(address).Port);
    }
}
