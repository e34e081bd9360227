using RyzeApi.Domain.Instances;

namespace RyzeApi.Domain.UnitTests.Instances;

/// <summary>An invalid name is described by what is wrong with it, so messages can name the actual fault.</summary>
[TestFixture]
public sealed class InstanceNameFaultTests
{
    [TestCase("", "is empty")]
    [TestCase("my instance", "contains a space at position 3")]
    [TestCase("sup\u0000orte", "contains a control character (U+0000) at position 4")]
    [TestCase("sup\u007forte", "contains a control character (U+007F) at position 4")]
    [TestCase("são", "contains a character that is not ASCII (U+00E3) at position 2")]
    [TestCase("a.b", "contains '.' at position 2")]
    [TestCase("a%00b", "contains '%' at position 2")]
    public void Fault_ForbiddenCharacter_SaysWhichAndWhere(string name, string expected)
    {
        // Act
        var fault = InstanceName.Fault(name);

        // Assert
        Assert.That(fault, Is.EqualTo(expected));
    }

    [Test]
    public void Fault_LoneSurrogate_IsNotAscii()
    {
        // Arrange: built in code, as an attribute cannot hold a lone surrogate.
        var name = "a" + (char)0xD800 + "b";

        // Act
        var fault = InstanceName.Fault(name);

        // Assert
        Assert.That(fault, Is.EqualTo("contains a character that is not ASCII (U+D800) at position 2"));
    }

    [Test]
    public void Fault_TooLong_GivesTheLengthAndTheMaximum()
    {
        // Act
        var fault = InstanceName.Fault(new string('a', 10_000));

        // Assert
        Assert.That(fault, Is.EqualTo("is too long: 10000 characters, at most 64"));
    }

    [TestCase("a")]
    [TestCase("my-instance_01")]
    public void Fault_ValidName_IsNullAndAgreesWithIsValid(string name)
    {
        // Act
        var fault = InstanceName.Fault(name);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(fault, Is.Null);
            Assert.That(InstanceName.IsValid(name), Is.True);
        });
    }
}
