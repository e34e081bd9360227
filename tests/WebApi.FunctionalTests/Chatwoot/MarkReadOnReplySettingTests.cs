namespace RyzeApi.WebApi.FunctionalTests.Chatwoot;

/// <summary>docs/api/en/chatwoot-activate.md <c>markReadOnReply</c>: optional, on by default, stored, shown by info,
/// and a boolean like the other flags.</summary>
public sealed class MarkReadOnReplySettingTests : ChatwootTestBase
{
    [TestCase(null, "t")]
    [TestCase(false, "f")]
    [TestCase(true, "t")]
    public async Task Activate_MarkReadOnReply_IsStoredAndShownByInfo(bool? markReadOnReply, string stored)
    {
        // Arrange
        var body = ValidBody();
        if (markReadOnReply is { } value)
        {
            body["markReadOnReply"] = value;
        }

        // Act
        await ActivateOkAsync(body);

        // Assert
        Assert.That(await Database.ScalarAsync<string>("SELECT mark_read_on_reply::text FROM chatwoot_integrations"), Is.EqualTo(stored == "t" ? "true" : "false"));
        using var info = await InfoAsync();
        Assert.That((await info.JsonAsync())["mark_read_on_reply"]!.GetValue<bool>(), Is.EqualTo(stored == "t"));
    }

    [Test]
    public async Task Activate_MarkReadOnReplyNotABoolean_Is400()
    {
        // Arrange
        var body = ValidBody();
        body["markReadOnReply"] = "no";

        // Act
        using var response = await ActivateAsync(body);

        // Assert
        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "invalid body: markReadOnReply must be a boolean (true or false)");
        Assert.That(await IntegrationCountAsync(), Is.Zero);
    }
}
