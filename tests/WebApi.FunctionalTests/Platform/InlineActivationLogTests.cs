using System.Net.Http.Json;
using Microsoft.Extensions.Logging;

namespace RyzeApi.WebApi.FunctionalTests.Platform;

/// <summary>The Chatwoot module off while an instance is created with an inline activation: the creation succeeds
/// and reports the refusal in <c>chatwoot.error</c>; one Information line, no Error, no stack trace.</summary>
public sealed class InlineActivationLogTests : ChatwootTestBase
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Chatwoot:Enabled"] = "false" };

    [Test]
    public async Task DisabledModuleDuringInlineActivation_IsOneInformationLineWithoutStack()
    {
        // Arrange
        var before = Api.Logs.Entries.Count;

        // Act
        using var response = await Account.PostAsJsonAsync("/api/instance/new", InlineActivationBody());

        // Assert
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var lines = Api.Logs.Entries.Skip(before).Where(e => e.Level >= LogLevel.Information).ToList();
        Assert.That(lines.Select(l => (l.Level, l.Message, l.Exception)), Is.EqualTo(new[]
        {
            (LogLevel.Information, "Inline Chatwoot activation of instance vendas failed: integration gateway not configured", (Exception?)null),
        }));
    }
}
