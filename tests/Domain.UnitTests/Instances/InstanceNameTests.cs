using RyzeApi.Domain.Instances;

namespace RyzeApi.Domain.UnitTests.Instances;

[TestFixture]
public sealed class InstanceNameTests
{
    [TestCase("a")]
    [TestCase("Z")]
    [TestCase("7")]
    [TestCase("my-instance_01")]
    [TestCase("-_-")]
    [TestCase("ABCdef123")]
    public void IsValid_LettersDigitsDashUnderscore_ReturnsTrue(string name)
    {
        // Arrange
        // (name from the test case)

        // Act
        var valid = InstanceName.IsValid(name);

        // Assert
        Assert.That(valid, Is.True);
    }

    [Test]
    public void IsValid_SixtyFourCharacters_ReturnsTrue()
    {
        // Arrange
        var name = new string('a', InstanceName.MaxLength);

        // Act
        var valid = InstanceName.IsValid(name);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(InstanceName.MaxLength, Is.EqualTo(64));
            Assert.That(valid, Is.True);
        });
    }

    [Test]
    public void IsValid_SixtyFiveCharacters_ReturnsFalse()
    {
        // Arrange
        var name = new string('a', 65);

        // Act
        var valid = InstanceName.IsValid(name);

        // Assert
        Assert.That(valid, Is.False);
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase(" ")]
    [TestCase("my instance")]
    [TestCase(" name")]
    [TestCase("name ")]
    [TestCase("name\n")]
    [TestCase("name\r\n")]
    [TestCase("\nname")]
    [TestCase("name\t")]
    [TestCase("inst.ance")]
    [TestCase("inst/ance")]
    [TestCase("café")]
    [TestCase("инстанс")]
    [TestCase("name\u0661")]
    [TestCase("ｆｕｌｌｗｉｄｔｈ")]
    public void IsValid_OtherCharactersOrEmpty_ReturnsFalse(string? name)
    {
        // Arrange
        // (name from the test case)

        // Act
        var valid = InstanceName.IsValid(name);

        // Assert
        Assert.That(valid, Is.False);
    }
}
