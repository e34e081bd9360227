using RyzeApi.Testing.Engine;

namespace RyzeApi.WebApi.FunctionalTests.Routing;

/// <summary>Every request with a body goes to Chatwoot and to the engine with a <c>Content-Length</c>, never chunked:
/// reverse proxies in front of self-hosted Chatwoot may answer chunked uploads with 411 Length Required. Both fakes
/// here answer 411 to a chunked request, as such a proxy does.</summary>
public sealed class ContentLengthTests : RoutingTestBase
{
    private static readonly byte[] s_png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x01, 0x02];

    protected override async Task BeforeEachAsync()
    {
        await base.BeforeEachAsync();
        Chatwoot.RefuseChunkedRequests = true;
        Engine.RefuseChunkedRequests = true;
    }

    [Test]
    public async Task ActivationAndAMessageWithAnAttachment_GoThroughAProxyThatRefusesChunkedBodies()
    {
        // Arrange
        await ActivateRoutingAsync();
        var url = Engine.ServeMedia(s_png, "image/png", "mapa.png");
        var message = EngineEvents.Media(ContactJid, EngineEventMedia.At("image", url, "image/png", "mapa.png", caption: "o mapa"), "João");

        // Act
        await PostEventExpectingAsync(message.ToJson());

        // Assert
        var landed = await WaitForChatwootMessageAsync(message.Id);
        Assert.That(landed.Attachments.Single().Content.ToArray(), Is.EqualTo(s_png));
        AssertEveryBodyHadALength(Chatwoot.Requests);
        Assert.That(Chatwoot.Requests.Where(r => r.Method == "POST").Select(r => r.Path), Does.Contain($"/api/v1/accounts/{AccountId}/inboxes"));
        var upload = Chatwoot.Requests.Single(r => r.Method == "POST" && r.Path.EndsWith("/messages", StringComparison.Ordinal));
        Assert.That(upload.Header("Content-Type"), Does.StartWith("multipart/form-data"));
        Assert.That(upload.ContentLength, Is.GreaterThan(s_png.Length));
    }

    [Test]
    public async Task AnAgentsReplyWithAnAttachment_ReachesTheEngineWithALength()
    {
        // Arrange
        await ActivateRoutingAsync();
        var conversation = await ContactWritesAsync();

        // Act
        await AgentRepliesAsync(conversation.Id, "segue o mapa", attachments: [new FakeFile("mapa.png", "image/png", s_png)]);

        // Assert
        var send = (await Engine.WaitForSendsAsync(1)).Single();
        Assert.That(send.Kind, Is.EqualTo("media"));
        await Eventually.UntilAsync(() => Chatwoot.Requests.Any(r => r.Method == "PATCH"), "the sent tick");
        Assert.That(Chatwoot.Requests.Single(r => r.Method == "PATCH").Body, Does.Contain("\"sent\""));
        AssertEveryBodyHadALength(Engine.Requests);
        AssertEveryBodyHadALength(Chatwoot.Requests);
        Assert.That(Engine.Requests.Count(r => r.Method == "POST" && r.Path.StartsWith("/api/message/", StringComparison.Ordinal)), Is.EqualTo(1));
    }

    [Test]
    public async Task TheFakeRefusesAChunkedUpload_As411()
    {
        // Arrange: proves the fakes above would have refused a chunked body, so the tests above mean something.
        using var client = new HttpClient();
        client.DefaultRequestHeaders.Add("api-access-token", AdminToken);
        using var content = new StreamContent(new NonSeekableStream("""{"name":"x"}"""u8.ToArray()));
        content.Headers.ContentType = new("application/json");

        // Act
        using var response = await client.PostAsync(InboxesUrl, content);

        // Assert
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.LengthRequired));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("<title>411 Length Required</title>"));
        Assert.That(Chatwoot.Requests[^1].IsChunked, Is.True);
        Assert.That(Chatwoot.Inboxes, Is.Empty);
    }

    private static void AssertEveryBodyHadALength(IReadOnlyList<RecordedRequest> requests)
    {
        var withBody = requests.Where(r => r.Method is "POST" or "PATCH" or "PUT").ToList();
        Assert.That(withBody, Is.Not.Empty);
        Assert.Multiple(() =>
        {
            foreach (var request in withBody)
            {
                Assert.That(request.IsChunked, Is.False, $"{request} was sent chunked");
                Assert.That(request.ContentLength, Is.Not.Null.And.GreaterThan(0), $"{request} has no Content-Length");
            }
        });
    }

    /// <summary>A body whose length HttpClient cannot know, so it is sent chunked.</summary>
    private sealed class NonSeekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
