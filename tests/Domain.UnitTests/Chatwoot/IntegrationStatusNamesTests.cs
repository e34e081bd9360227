using RyzeApi.Domain.Chatwoot;

namespace RyzeApi.Domain.UnitTests.Chatwoot;

[TestFixture]
public sealed class IntegrationStatusNamesTests
{
    [TestCase(IntegrationStatus.Active, "active")]
    [TestCase(IntegrationStatus.Paused, "paused")]
    [TestCase(IntegrationStatus.Error, "error")]
    public void ToName_KnownStatus_ReturnsWireName(IntegrationStatus status, string expected)
    {
        // Arrange
        // (status from the test case)

        // Act
        var name = status.ToName();

        // Assert
        Assert.That(name, Is.EqualTo(expected));
    }

    [Test]
    public void ParseOfToName_EveryStatus_RoundTrips()
    {
        // Arrange
        var statuses = Enum.GetValues<IntegrationStatus>();

        // Act
        var roundTripped = statuses.Select(s => IntegrationStatusNames.Parse(s.ToName())).ToArray();

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(statuses, Has.Length.EqualTo(3));
            Assert.That(roundTripped, Is.EqualTo(statuses));
        });
    }

    [TestCase("")]
    [TestCase("Active")]
    [TestCase("ACTIVE")]
    [TestCase(" active")]
    [TestCase("deleted")]
    public void Parse_UnknownName_ThrowsArgumentOutOfRange(string name)
    {
        // Arrange
        // (name from the test case)

        // Act
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => IntegrationStatusNames.Parse(name));

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(exception.ParamName, Is.EqualTo("name"));
            Assert.That(exception.ActualValue, Is.EqualTo(name));
            Assert.That(exception.Message, Does.StartWith("unknown integration status"));
        });
    }

    [Test]
    public void ToName_UndefinedStatus_ThrowsArgumentOutOfRange()
    {
        // Arrange
        var undefined = (IntegrationStatus)99;

        // Act
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => undefined.ToName());

        // Assert
        Assert.That(exception.ParamName, Is.EqualTo("status"));
    }
}
