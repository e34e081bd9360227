using RyzeApi.Infrastructure.Persistence;

namespace RyzeApi.Infrastructure.UnitTests.Persistence;

[TestFixture]
public sealed class PostgresTextTests
{
    [TestCase("""{"Text":"a\u0000b"}""", """{"Text":"ab"}""")]
    [TestCase("""{"M":{"Parts":["\u0000x",{"Y":"\u0000"}]},"N":1}""", """{"M":{"Parts":["x",{"Y":""}]},"N":1}""")]
    [TestCase("\"a\\u0000\"", "\"a\"")]
    public void JsonWithoutNul_RemovesNulFromEveryStringValue(string json, string expected) =>
        Assert.That(PostgresText.JsonWithoutNul(json), Is.EqualTo(expected));

    [TestCase("""{"Text":"c\\u0000"}""")] // an escaped backslash, then the letters u0000: text, kept
    [TestCase("""{"Text":"plain"}""")]
    [TestCase("""{"Text": "\u0000""")] // not JSON: left for PostgreSQL to refuse
    [TestCase("""{"A":"\u0000","A":"x"}""")] // duplicate keys: never throws inside a write batch
    public void JsonWithoutNul_LeavesTheRestAlone(string json) =>
        Assert.That(PostgresText.JsonWithoutNul(json), Is.EqualTo(json));

    [Test]
    public void JsonWithoutNul_WithoutNul_IsTheSameString()
    {
        const string Json = """{"Text":"olá"}""";
        Assert.That(PostgresText.JsonWithoutNul(Json), Is.SameAs(Json));
    }

    [Test]
    public void WithoutNul_DropsTheCharacter() => Assert.That(PostgresText.WithoutNul("erro\0r"), Is.EqualTo("error"));
}
