using RyzeApi.Testing.Engine;

namespace RyzeApi.WebApi.FunctionalTests.Routing;

/// <summary>docs/operations.md, "Metrics": RyzeApi's own metrics, scraped from <c>/metrics</c> as Prometheus would,
/// move with the traffic routed through the fakes: deliveries by kind and outcome, Chatwoot and engine calls by
/// operation and outcome, ingress by source; during a Chatwoot outage the instance's backlog and its oldest pending
/// age rise, retries are counted and the integration shows paused, and all of it falls back once Chatwoot returns.</summary>
public sealed class MetricsTests : RoutingTestBase
{
    private const string Pending = "ryzeapi_outbox_pending";
    private const string OldestAge = "ryzeapi_outbox_oldest_pending_age_seconds";
    private const string Deliveries = "ryzeapi_deliveries_total";

    private HttpClient _scraper = null!;

    protected override IReadOnlyDictionary<string, string?> RoutingOverrides =>
        new Dictionary<string, string?> { ["Metrics:BacklogInterval"] = "00:00:00.200", ["Metrics:BacklogNamedAfter"] = "00:00:00" };

    [SetUp]
    public void CreateScraper() => _scraper = Api.CreateClient();

    [TearDown]
    public void DisposeScraper() => _scraper?.Dispose();

    [Test]
    public async Task Traffic_CountsDeliveriesCallsAndIngress()
    {
        // Arrange
        await ActivateRoutingAsync();
        var before = await ScrapeAsync();

        // Act: two WhatsApp messages to Chatwoot, one agent reply to WhatsApp.
        var conversation = await ContactWritesAsync("primeira");
        await ContactWritesAsync("segunda");
        await AgentRepliesAsync(conversation.Id, "Olá!");
        await Engine.WaitForSendsAsync(1);
        await SettledAsync();
        var after = await Eventually.WaitAsync(
            ScrapeAsync, s => Delta(before, s, Deliveries, "kind=agent_reply", "outcome=delivered") >= 1, "the reply counted as delivered");

        // Assert
        Assert.That(Delta(before, after, Deliveries, "kind=whatsapp_message", "outcome=delivered"), Is.EqualTo(2), after.ToString());
        Assert.That(Delta(before, after, Deliveries, "kind=agent_reply", "outcome=delivered"), Is.EqualTo(1), after.ToString());
        Assert.That(after.Sum(Deliveries, "outcome=failed") + after.Sum(Deliveries, "outcome=given_up"), Is.Zero, after.ToString());
        Assert.That(Delta(before, after, "ryzeapi_chatwoot_request_duration_seconds_count", "operation=create_message", "outcome=success"),
            Is.GreaterThanOrEqualTo(2), after.ToString());
        Assert.That(Delta(before, after, "ryzeapi_engine_request_duration_seconds_count", "operation=send_text", "outcome=success"),
            Is.EqualTo(1), after.ToString());
        Assert.That(Delta(before, after, "ryzeapi_ingress_duration_seconds_count", "source=engine_event", "outcome=success"),
            Is.EqualTo(2), after.ToString());
        Assert.That(Delta(before, after, "ryzeapi_ingress_duration_seconds_count", "source=chatwoot_webhook", "outcome=success"),
            Is.GreaterThanOrEqualTo(1), after.ToString());
        Assert.That(after.Single("ryzeapi_integrations", "status=active"), Is.EqualTo(1), after.ToString());
    }

    [Test]
    public async Task DnsLookups_AreCountedWithoutTheHostName()
    {
        // Arrange: the runtime's DNS meter is process-wide, so a lookup made here is measured by the API's meter provider.
        var host = System.Net.Dns.GetHostName();
        try
        {
            await System.Net.Dns.GetHostAddressesAsync(host);
        }
        catch (System.Net.Sockets.SocketException)
        {
            // A failed lookup is measured too.
        }

        // Act
        var scrape = await ScrapeAsync();

        // Assert
        var lookups = scrape.Samples.Where(s => s.Name.StartsWith("dns_lookup_duration", StringComparison.Ordinal)).ToList();
        Assert.That(lookups, Is.Not.Empty, scrape.Text);
        Assert.That(lookups.SelectMany(s => s.Labels.Keys), Has.None.EqualTo("dns_question_name"), scrape.Text);
        Assert.That(lookups.SelectMany(s => s.Labels.Values), Has.None.EqualTo(host), scrape.Text);
    }

    [Test]
    public async Task ChatwootOutage_BacklogRisesWithRetries_ThenFallsOnceItReturns()
    {
        // Arrange
        await ActivateRoutingAsync();
        Chatwoot.ScriptAlways(FakeFault.NginxPage(502));
        var instance = $"ryzeapi_instance={Instance}";

        // Act
        for (var i = 1; i <= 5; i++)
        {
            await PostEventExpectingAsync(EngineEvents.Text(ContactJid, $"mensagem {i}", "João Silva").ToJson());
        }

        var during = await Eventually.WaitAsync(
            ScrapeAsync, s => s.Single(Pending, instance) == 5 && s.Single(OldestAge, instance) > 0.5 && s.Single("ryzeapi_integrations", "status=paused") == 1,
            "five pending deliveries, over half a second old, and the integration paused");
        Chatwoot.ClearScripts();
        var after = await Eventually.WaitAsync(
            ScrapeAsync, s => s.Single(Pending, instance) is null && s.Single("ryzeapi_integrations", "status=active") == 1,
            "nothing pending for the instance and the integration active");

        // Assert
        Assert.That(during.Sum("ryzeapi_delivery_retries_total", "kind=whatsapp_message", "reason=transient"), Is.GreaterThan(0), during.ToString());
        Assert.That(during.Sum("ryzeapi_chatwoot_request_duration_seconds_count", "outcome=server_error")
            + during.Sum("ryzeapi_chatwoot_request_duration_seconds_count", "outcome=circuit_open"), Is.GreaterThan(0), during.ToString());
        Assert.That(during.Sum(Deliveries, "kind=whatsapp_message"), Is.Zero, during.ToString());
        Assert.That(after.Single(Pending, $"ryzeapi_instance={BacklogOther}"), Is.Zero, after.ToString());
        Assert.That(after.Single(OldestAge, $"ryzeapi_instance={BacklogOther}"), Is.Zero, after.ToString());
        Assert.That(after.Single(Deliveries, "kind=whatsapp_message", "outcome=delivered"), Is.EqualTo(5), after.ToString());
    }

    private const string BacklogOther = Application.Common.Telemetry.BacklogMetrics.OtherIntegrations;

    private Task<MetricsScrape> ScrapeAsync() => MetricsScrape.ReadAsync(_scraper);

    private static double Delta(MetricsScrape before, MetricsScrape after, string name, params string[] labels) =>
        after.Sum(name, labels) - before.Sum(name, labels);
}
