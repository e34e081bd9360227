using RyzeApi.Application.Chatwoot.Queries.ListDeliveries;

namespace RyzeApi.Application.UnitTests.Chatwoot.Queries.ListDeliveries;

[TestFixture]
public sealed class DeliveryListParametersTests
{
    [Test]
    public void Parse_NothingGiven_FailedFirstPageOfFifty()
    {
        // Arrange
        // (no parameter)

        // Act
        var parsed = DeliveryListParameters.Parse(null, null, null);

        // Assert
        Assert.That(parsed, Is.EqualTo(new DeliveryListParameters(DeliveryState.Failed, 50, null)));
    }

    [TestCase("pending", "1", "17", DeliveryState.Pending, 1, 17L)]
    [TestCase("delivered", "200", "9223372036854775807", DeliveryState.Delivered, 200, long.MaxValue)]
    public void Parse_ValidValues_AreTaken(string state, string limit, string cursor, DeliveryState expectedState, int expectedLimit, long expectedBefore)
    {
        // Arrange
        // (the values of the case)

        // Act
        var parsed = DeliveryListParameters.Parse(state, limit, cursor);

        // Assert
        Assert.That(parsed, Is.EqualTo(new DeliveryListParameters(expectedState, expectedLimit, expectedBefore)));
    }

    [Test]
    public void Parse_EveryParameterWrong_OneFailureNamingEach()
    {
        // Arrange
        var longState = new string('x', 60) + "\u0000";

        // Act
        var thrown = Assert.Throws<ValidationException>(() => DeliveryListParameters.Parse(longState, "+5", "0"));

        // Assert
        Assert.That(thrown.Failures, Has.Count.EqualTo(3));
        Assert.That(thrown.Message, Does.StartWith("invalid query: state \"" + new string('x', 40) + "...\" is not a delivery state"));
        Assert.That(thrown.Message, Does.Contain("limit \"+5\" is not a whole number from 1 to 200").And.Contain("cursor \"0\" is not a cursor of this list"));
    }
}
