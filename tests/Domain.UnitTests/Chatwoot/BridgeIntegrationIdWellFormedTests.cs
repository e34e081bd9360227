using RyzeApi.Domain.Chatwoot;

namespace RyzeApi.Domain.UnitTests.Chatwoot;

[TestFixture]
public sealed class BridgeIntegrationIdWellFormedTests
{
    [Test]
    public void IsWellFormed_NewId_IsTrue()
    {
        // Act
        var wellFormed = BridgeIntegrationId.IsWellFormed(BridgeIntegrationId.New());

        // Assert
        Assert.That(wellFormed, Is.True);
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("int_abc")]
    [TestCase("int_0123456789abcdeF")]
    [TestCase("int_0123456789abcd\u0000f")]
    [TestCase("ext_0123456789abcdef")]
    [TestCase("int_0123456789abcdef0")]
    public void IsWellFormed_AnythingElse_IsFalse(string? id)
    {
        // Act
        var wellFormed = BridgeIntegrationId.IsWellFormed(id);

        // Assert
        Assert.That(wellFormed, Is.False);
    }
}
