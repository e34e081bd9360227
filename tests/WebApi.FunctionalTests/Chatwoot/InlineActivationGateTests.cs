namespace RyzeApi.WebApi.FunctionalTests.Chatwoot;

/// <summary>docs/operations.md, docs/api/en/instance-create.md: with the module switched off, an inline activation reports the 503 message and the
/// instance is still created.</summary>
public sealed class InlineActivationGateTests : ChatwootTestBase
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Chatwoot:Enabled"] = "false" };

    [Test]
    public async Task CreateInstance_WithChatwootWhileModuleDisabled_Is201WithTheGateMessage()
    {
        // Act
        var response = await Account.PostJsonAsync("/api/instance/new", InlineActivationBody());

        // Assert
        Assert.That(await InlineActivationErrorAsync(response), Is.EqualTo("integration gateway not configured"));
        Assert.That(Chatwoot.Requests, Is.Empty);
        Assert.That(await Database.ScalarAsync<long>("SELECT count(*) FROM instances WHERE name = 'vendas'"), Is.EqualTo(1));
    }
}
