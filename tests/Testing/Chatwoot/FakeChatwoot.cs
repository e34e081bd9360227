// Shapes, statuses and check order follow Chatwoot 4.15's source; tests/Testing/README.md lists the files.
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace RyzeApi.Testing.Chatwoot;

/// <summary>A Chatwoot stand-in on 127.0.0.1 (a free port) that speaks Chatwoot 4.x's Application API for
/// API-channel inboxes: same routes, <c>api_access_token</c>/<c>api-access-token</c> authentication, JSON
/// shapes, statuses and error bodies. It records every request, and answers with scripted faults (any
/// status and body, a delay, a dropped connection) when told to. All members are thread-safe; one instance
/// can serve a whole fixture, with <see cref="Reset"/> between tests.</summary>
public sealed partial class FakeChatwoot : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly FakeChatwootState _state;
    private readonly RequestLog _requests;
    private readonly FaultScripts _scripts;
    private readonly CancellationTokenSource _stopping;
    private int _disposed;

    private FakeChatwoot(
        WebApplication app, FakeChatwootState state, RequestLog requests, FaultScripts scripts, CancellationTokenSource stopping, string baseUrl)
    {
        _app = app;
        _state = state;
        _requests = requests;
        _scripts = scripts;
        _stopping = stopping;
        BaseUrl = baseUrl;
    }

    /// <summary>Where the fake listens, as <c>http://127.0.0.1:PORT</c> with no trailing slash.</summary>
    public string BaseUrl { get; }

    public Uri BaseUri => new(BaseUrl);

    /// <summary>Every request received since the start or the last <see cref="Reset"/>/<see cref="ClearRequests"/>,
    /// faulted ones included, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => _requests.Snapshot();

    /// <summary>Every inbox of every account, by id.</summary>
    public IReadOnlyList<FakeInbox> Inboxes => _state.Inboxes();

    public static Task<FakeChatwoot> StartAsync(CancellationToken cancellationToken = default) => StartAsync(0, cancellationToken);

    /// <summary>As <see cref="StartAsync(CancellationToken)"/>, on a given loopback port (0: a free one), for
    /// <c>tools/demo-chatwoot</c>. A port in use throws Kestrel's <see cref="IOException"/>.</summary>
    public static async Task<FakeChatwoot> StartAsync(int port, CancellationToken cancellationToken = default)
    {
        var app = LoopbackHost.Build(port);
        var state = new FakeChatwootState();
        var requests = new RequestLog();
        var scripts = new FaultScripts();
        var stopping = new CancellationTokenSource();
        var pipeline = new RequestPipeline(requests, scripts, stopping.Token);
        app.Use(pipeline.InvokeAsync);
        InboxEndpoints.Map(app, state);
        MessagingEndpoints.Map(app, state);
        app.MapFallback(context => ChatwootReply.JsonAsync(context, StatusCodes.Status404NotFound, ChatwootErrors.RouteNotFound));

        var address = await LoopbackHost.StartAsync(app, stopping, cancellationToken);
        return new FakeChatwoot(app, state, requests, scripts, stopping, address);
    }

    /// <summary><c>http://127.0.0.1:PORT</c> for a port nothing listens on (it was free a moment ago), for
    /// "connection refused" tests.</summary>
    public static string UnusedLoopbackUrl()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"http://127.0.0.1:{port}";
    }

    /// <summary>Adds an account whose administrator authenticates with <paramref name="adminToken"/>.</summary>
    public void AddAccount(long id, string adminToken)
    {
        _state.AddAccount(id);
        _state.AddMember(id, adminToken, administrator: true);
    }

    /// <summary>Adds another administrator to a known account (the same token may serve several accounts).</summary>
    public void AddAdminToken(long accountId, string token) => _state.AddMember(accountId, token, administrator: true);

    /// <summary>Adds an agent (not an administrator) to a known account: a member of no inbox, so Chatwoot's
    /// policies refuse it every inbox action but listing, which shows it nothing.</summary>
    public void AddAgentToken(long accountId, string token) => _state.AddMember(accountId, token, administrator: false);

    /// <summary>Revokes an access token, as a user resetting it in Chatwoot's profile settings does: from then
    /// on it gets 401 <c>Invalid Access Token</c> everywhere.</summary>
    public void RevokeToken(string token)
    {
        if (!_state.RemoveToken(token))
        {
            throw new InvalidOperationException("The token is unknown to the fake.");
        }
    }

    /// <summary>Deletes an inbox as an administrator would in Chatwoot's settings; no request is recorded.</summary>
    public void DeleteInbox(long accountId, long inboxId)
    {
        if (!_state.RemoveInbox(accountId, inboxId))
        {
            throw new InvalidOperationException($"Account {accountId} has no inbox {inboxId}.");
        }
    }

    /// <summary>Seeds an API-channel inbox as if an administrator had created it.</summary>
    public FakeInbox AddInbox(long accountId, string name, string? webhookUrl = null)
    {
        if (!_state.AccountExists(accountId))
        {
            throw new InvalidOperationException($"Account {accountId} is unknown; call AddAccount first.");
        }

        return _state.CreateApiInbox(accountId, name, webhookUrl, hmacMandatory: false);
    }

    /// <summary>Answers the next <paramref name="times"/> requests that match (all requests when
    /// <paramref name="matching"/> is null) with <paramref name="fault"/>. Scripts apply in the order added.</summary>
    public void Script(FakeFault fault, int times = 1, Func<RecordedRequest, bool>? matching = null) =>
        _scripts.Add(fault, times, matching);

    /// <summary>As <see cref="Script"/>, for every matching request until <see cref="ClearScripts"/>.</summary>
    public void ScriptAlways(FakeFault fault, Func<RecordedRequest, bool>? matching = null) => _scripts.Add(fault, null, matching);

    public void FailNext(
        int statusCode, string body, string contentType = FakeFault.JsonContentType, int times = 1, Func<RecordedRequest, bool>? matching = null) =>
        Script(FakeFault.Respond(statusCode, body, contentType), times, matching);

    /// <summary>Answers normally, but only after <paramref name="delay"/>.</summary>
    public void DelayNext(TimeSpan delay, int times = 1, Func<RecordedRequest, bool>? matching = null) =>
        Script(FakeFault.Slow(delay), times, matching);

    public void DropNext(int times = 1, Func<RecordedRequest, bool>? matching = null) =>
        Script(FakeFault.DropConnection(), times, matching);

    public void ClearScripts() => _scripts.Clear();

    /// <summary>When set, every request sent with <c>Transfer-Encoding: chunked</c> gets nginx's
    /// <c>411 Length Required</c> page (recorded all the same), as some reverse proxies answer. Off by default.</summary>
    public bool RefuseChunkedRequests
    {
        get => _scripts.RefuseChunked;
        set => _scripts.RefuseChunked = value;
    }

    public void ClearRequests() => _requests.Clear();

    /// <summary>Forgets accounts, tokens, inboxes (ids start at 1 again), scripts and recorded requests.</summary>
    public void Reset()
    {
        _scripts.Clear();
        _scripts.RefuseChunked = false;
        _state.Reset();
        _state.ResetMessaging();
        _requests.Clear();
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        // Ends scripted delays first, so stopping does not wait for them.
        await _stopping.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
    }
}
