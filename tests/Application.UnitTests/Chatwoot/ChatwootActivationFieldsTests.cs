using RyzeApi.Application.Chatwoot;

namespace RyzeApi.Application.UnitTests.Chatwoot;

[TestFixture]
public sealed class ChatwootActivationFieldsTests
{
    [Test]
    public void EffectiveInboxName_NameGiven_ReturnsIt()
    {
        // Arrange
        var fields = TestData.Fields("Support");

        // Act
        var name = fields.EffectiveInboxName;

        // Assert
        Assert.That(name, Is.EqualTo("Support"));
    }

    [Test]
    public void ToString_Always_LeavesTheApiTokenOut()
    {
        // Arrange
        var fields = TestData.Fields("Support");

        // Act
        var text = fields.ToString();

        // Assert
        Assert.That(text, Is.EqualTo(
            "ChatwootActivationFields { ChatwootBaseUrl = https://chatwoot.example.com/, ChatwootAccountId = 5, InboxName = Support }"));
    }
}
