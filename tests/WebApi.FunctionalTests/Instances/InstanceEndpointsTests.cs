using System.Text.RegularExpressions;

namespace RyzeApi.WebApi.FunctionalTests.Instances;

public sealed class InstanceEndpointsTests : ApiTestBase
{
    [Test]
    public async Task Create_NewName_Is201WithTokenShownOnce()
    {
        // Act
        var response = await Account.PostJsonAsync("/api/instance/new", new { name = "suporte" });

        // Assert
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var body = await response.JsonAsync();
        Assert.That(body["success"]!.GetValue<bool>(), Is.True);
        Assert.That(body.Text("message"), Is.EqualTo("Instance created"));
        Assert.That(body["instance"]!.Text("name"), Is.EqualTo("suporte"));
        Assert.That(body["instance"]!.Text("token"), Has.Length.EqualTo(43));
        Assert.That(body["instance"]!.Text("created_at"), Does.Match(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$"));
        Assert.That(body.AsObject().ContainsKey("chatwoot") && body["chatwoot"] is null, Is.True);
        var listed = await (await Account.GetAsync("/api/instance/list")).Content.ReadAsStringAsync();
        Assert.That(listed, Does.Not.Contain(body["instance"]!.Text("token")));
    }

    [Test]
    public async Task Create_CustomToken_AuthenticatesTheInstance()
    {
        // Arrange
        await Account.PostJsonAsync("/api/instance/new", new { name = "suporte", token = "my-custom-instance-token" });
        using var instance = Api.CreateClientWithToken("my-custom-instance-token");

        // Act
        var list = await (await instance.GetAsync("/api/instance/list")).JsonAsync();

        // Assert
        Assert.That(list["instances"]!.AsArray().Select(i => i!.Text("name")), Is.EqualTo(new[] { "suporte" }));
    }

    [Test]
    public async Task Create_DuplicateName_Is409()
    {
        // Arrange
        await CreateInstanceAsync("suporte");

        // Act
        var response = await Account.PostJsonAsync("/api/instance/new", new { name = "suporte" });

        // Assert
        await response.AssertErrorAsync(HttpStatusCode.Conflict, "Instance name already exists");
    }

    [TestCase("", "is empty")]
    [TestCase("com espaço", "contains a space at position 4")]
    [TestCase("sup\u0000orte", "contains a control character (U+0000) at position 4")]
    [TestCase("a-name-that-is-far-too-long-for-an-instance-0123456789-0123456789", "is too long: 65 characters, at most 64")]
    public async Task Create_InvalidName_Is400SayingWhatIsWrong(string name, string fault)
    {
        // Act
        var response = await Account.PostJsonAsync("/api/instance/new", new { name });

        // Assert
        await response.AssertErrorAsync(HttpStatusCode.BadRequest, $"invalid body: name {fault} - an instance name is 1 to 64 letters, digits, '-' or '_'");
        Assert.That(await Database.ScalarAsync<long>("SELECT count(*) FROM instances"), Is.Zero);
    }

    [Test]
    public async Task Create_InlineChatwootWithInvalidFields_Is400AndCreatesNothing()
    {
        // Act
        var response = await Account.PostJsonAsync("/api/instance/new", new { name = "suporte", chatwootEnabled = true, chatwootAccountId = 5 });

        // Assert
        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "invalid body: chatwootBaseUrl is required; chatwootApiToken is required");
        Assert.That(await Database.ScalarAsync<long>("SELECT count(*) FROM instances"), Is.Zero);
    }

    [Test]
    public async Task List_ForAccountAndInstanceTokens_ShowsWhatEachMaySee()
    {
        // Arrange
        var token = await CreateInstanceAsync("a");
        await CreateInstanceAsync("b");
        using var instance = Api.CreateClientWithToken(token);

        // Act
        var all = await (await Account.GetAsync("/api/instance/list")).JsonAsync();
        var filtered = await (await Account.GetAsync("/api/instance/list?instanceName=b")).JsonAsync();
        var own = await (await instance.GetAsync("/api/instance/list?instanceName=b")).JsonAsync();

        // Assert
        Assert.That(all.Text("message"), Is.EqualTo("2 Instances found"));
        Assert.That(filtered["instances"]!.AsArray().Select(i => i!.Text("name")), Is.EqualTo(new[] { "b" }));
        Assert.That(own["instances"]!.AsArray().Select(i => i!.Text("name")), Is.EqualTo(new[] { "a" }));
    }

    [Test]
    public async Task List_SingleUnknownName_Is404()
    {
        // Act
        var response = await Account.GetAsync("/api/instance/list?instanceName=nao-existe");

        // Assert
        await response.AssertErrorAsync(HttpStatusCode.NotFound, "Instance not found");
    }

    [Test]
    public async Task Delete_Existing_Is200ThenGone()
    {
        // Arrange
        await CreateInstanceAsync("suporte");

        // Act
        var response = await Account.DeleteAsync("/api/instance/delete/suporte");
        var again = await Account.DeleteAsync("/api/instance/delete/suporte");

        // Assert
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(Regex.Replace(await response.Content.ReadAsStringAsync(), @"\s", string.Empty),
            Is.EqualTo("{\"success\":true,\"message\":\"Instancedeleted\",\"instance\":{\"status\":\"deleted\"}}"));
        await again.AssertErrorAsync(HttpStatusCode.NotFound, "Instance not found");
    }
}
