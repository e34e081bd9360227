using System.Text;

namespace RyzeApi.WebApi.FunctionalTests.Hostile;

/// <summary>Paths and the list filter: an instance name no instance can have, or a NUL, is refused before PostgreSQL.</summary>
public sealed partial class HostileTextTests
{
    public static IEnumerable<TestCaseData> PathCases() =>
        from endpoint in new[]
        {
            ("POST", "/api/chatwoot/set/{0}"), ("GET", "/api/chatwoot/list/{0}"), ("DELETE", "/api/chatwoot/delete/{0}"),
            ("DELETE", "/api/instance/delete/{0}"), ("POST", "/api/chatwoot/events/{0}"), ("POST", "/api/chatwoot/events/{0}/message.exchange"),
        }
        from name in new[]
        {
            ("sup%20orte", "contains a space at position 4"),
            ("sup%C3%A9rte", "contains a character that is not ASCII (U+00E9) at position 4"),
            ("sup%FForte", "contains '%' at position 4"),
            (new string('n', 65), "is too long: 65 characters, at most 64"),
            (new string('n', 10 * 1024), "is too long: 10240 characters, at most 64"),
        }
        select new TestCaseData(endpoint.Item1, endpoint.Item2, name.Item1, name.Item2)
            .SetArgDisplayNames(endpoint.Item1, endpoint.Item2, name.Item1.Length > 20 ? $"{name.Item1.Length} characters" : name.Item1);

    [TestCaseSource(nameof(PathCases))]
    public async Task InstanceNameInThePath_NoInstanceCanHave_Is400SayingWhatIsWrong_AndChangesNothing(
        string method, string template, string name, string fault)
    {
        // Arrange
        await ArrangeAsync();
        var before = await Database.DumpAsync();

        // Act
        using var response = await Account.SendAsync(PathRequest(method, template, name));

        // Assert
        await response.AssertErrorAsync(HttpStatusCode.BadRequest,
            $"invalid path: the instance name {fault} - an instance name is 1 to 64 letters, digits, '-' or '_'");
        Assert.That(await Database.DumpAsync(), Is.EqualTo(before));
    }

    /// <summary>A NUL in the path itself is refused (Kestrel answers a bare 400 before the application, see
    /// KestrelProcessTests; the test host lets it through to the name check): it never reaches PostgreSQL.</summary>
    [TestCase("GET", "/api/chatwoot/list/{0}")]
    [TestCase("POST", "/api/chatwoot/events/{0}")]
    public async Task InstanceNameInThePath_WithANul_IsRefusedAndChangesNothing(string method, string template)
    {
        // Arrange
        await ArrangeAsync();
        var before = await Database.DumpAsync();

        // Act
        using var response = await Account.SendAsync(PathRequest(method, template, "sup%00orte"));

        // Assert
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await Database.DumpAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task InstanceListFilter_WithANul_Is400NamingIt()
    {
        // Arrange
        await ArrangeAsync();

        // Act
        using var response = await Account.GetAsync("/api/instance/list?instanceName=suporte,sup%00orte");

        // Assert
        await response.AssertErrorAsync(HttpStatusCode.BadRequest,
            "invalid query: instanceName \"sup?orte\" contains a control character (U+0000) at position 4; an instance name is 1 to 64 letters, digits, '-' or '_'");
    }

    [Test]
    public async Task WebhookPath_WithAnIntegrationIdNoIntegrationCanHave_Is404()
    {
        // Arrange
        await ArrangeAsync();
        var url = Inbox.WebhookUrl!.Replace(IntegrationId, IntegrationId[..6] + "%C3%A9" + IntegrationId[7..], StringComparison.Ordinal);
        var before = await Database.DumpAsync();

        // Act
        using var response = await PostWebhookBytesAsync(url, Encoding.UTF8.GetBytes(IngressBody("webhook")), Inbox.Secret);

        // Assert
        await response.AssertErrorAsync(HttpStatusCode.NotFound, WebhookNotFound);
        Assert.That(await Database.DumpAsync(), Is.EqualTo(before));
    }
}
