using System.Text.Json;
using RyzeApi.Application.Common;

namespace RyzeApi.Application.UnitTests.Common;

[TestFixture]
public sealed class JsonSyntaxErrorTests
{
    private static IEnumerable<TestCaseData> Bodies()
    {
        yield return new TestCaseData("{\"a\": 1 \"b\": 2}", "malformed JSON at line 1, column 9: expected ',', '}' or ']' after a value, found '\"'");
        yield return new TestCaseData("{\"a\"\n  1}", "malformed JSON at line 2, column 3: expected ':' after a property name, found '1'");
        yield return new TestCaseData("{a: 1}", "malformed JSON at line 1, column 2: expected a property name in double quotes, found 'a'");
        yield return new TestCaseData("{\"a\": 'x'}", "malformed JSON at line 1, column 7: expected a value (a string in double quotes, a number, true, false, null, an object or an array), found \"'\"");
        yield return new TestCaseData("{\"a\": 1,}", "malformed JSON at line 1, column 9: a comma before '}' must be followed by another property");
        yield return new TestCaseData("{\"a\": \"x", "malformed JSON at line 1, column 9: the body ends inside a string (a closing '\"' is missing)");
        yield return new TestCaseData("{\"a\": {}", "malformed JSON at line 1, column 9: the body ends before every '{' and '[' is closed");
        yield return new TestCaseData("   ", "malformed JSON at line 1, column 4: the body holds no JSON value");
        yield return new TestCaseData("{}\n{}", "malformed JSON at line 2, column 1: expected the end of the body after the JSON value, found '{'");
        yield return new TestCaseData("{\"a\": tru}", "malformed JSON at line 1, column 10: expected true, found 'tru}'");
        yield return new TestCaseData("{\"a\": \"\\q\"}", "malformed JSON at line 1, column 9: '\\q' is not an escape a JSON string may contain (use \\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t or \\uXXXX)");
        yield return new TestCaseData("{\"a\": \"x\ty\"}", "malformed JSON at line 1, column 9: the control character 0x09 must be escaped inside a string");
        yield return new TestCaseData("{\"a\": 01}", "malformed JSON at line 1, column 8: a number may not start with 0 followed by more digits");
        yield return new TestCaseData("{\"a\": 1]", "malformed JSON at line 1, column 8: found ']', which closes nothing that is open here");
        yield return new TestCaseData(new string('[', 70), "malformed JSON at line 1, column 65: objects and arrays are nested more than 64 levels deep");
    }

    [TestCaseSource(nameof(Bodies))]
    public void Describe_ParserException_SaysWhereFromOneAndWhatWasExpected(string body, string expected)
    {
        // Arrange
        var exception = Assert.Catch<JsonException>(() => JsonDocument.Parse(body).Dispose());

        // Act
        var described = JsonSyntaxError.Describe(exception!);

        // Assert
        Assert.That(described, Is.EqualTo(expected));
    }

    [Test]
    public void Describe_SerializerMessageWithPath_GivesTheSameWordsAsTheParser()
    {
        // Arrange: MVC keeps only the message, which has the path before the position.
        var exception = Assert.Catch<JsonException>(() => JsonSerializer.Deserialize<Dictionary<string, int>>("{\"a\":\n  1\n  \"b\": 2}"));

        // Act
        var described = JsonSyntaxError.Describe(exception!.Message);

        // Assert
        Assert.That(described, Is.EqualTo("malformed JSON at line 3, column 3: expected ',', '}' or ']' after a value, found '\"'"));
    }

    [Test]
    public void Describe_UnknownWording_KeepsItsFirstSentenceWithoutPosition()
    {
        // Act
        var described = JsonSyntaxError.Describe("Something new went wrong. Change the reader options.");

        // Assert
        Assert.That(described, Is.EqualTo("malformed JSON: Something new went wrong"));
    }
}
