using RyzeApi.Application.Routing.Ingress;

namespace RyzeApi.Application.UnitTests.Routing;

/// <summary><c>instance.state</c>: the state in <c>data.state</c> or <c>data.status</c>, every spelling folded to one name.</summary>
[TestFixture]
public sealed class SessionStatesParserTests
{
    [TestCase("""{"event":"instance.state","data":{"state":"connected"}}""", "connected")]
    [TestCase("""{"event":"instance.state","data":{"status":"qr_ready"}}""", "qr_ready")]
    [TestCase("""{"event":"instance.state","data":{"state":"LoggedOut"}}""", "logged_out")]
    [TestCase("""{"event":"instance.state","data":{"state":"logged_out"}}""", "logged_out")]
    [TestCase("""{"event":"instance.state","data":{"state":"temp-banned"}}""", "temp_banned")]
    [TestCase("""{"event":"instance.state","data":{"state":"TempBanned"}}""", "temp_banned")]
    [TestCase("""{"event":"instance.state","data":{"state":" Disconnected "}}""", "disconnected")]
    [TestCase("""{"event":"instance.state","data":{"state":"open"}}""", "connected")]
    [TestCase("""{"event":"instance.state","data":{"state":"close"}}""", "disconnected")]
    [TestCase("""{"event":"instance.state","data":{"state":"syncing history"}}""", "syncing_history")]
    public void Parse_InstanceState_FoldsTheSpelling(string body, string state)
    {
        // Act
        var parsed = EngineEventParser.Parse(body, null);

        // Assert
        Assert.That(parsed.SessionState, Is.EqualTo(state));
        Assert.That((parsed.Message, parsed.Status, parsed.IgnoredBecause), Is.EqualTo(((WhatsAppMessage?)null, (MessageStatusChange?)null, (string?)null)));
    }

    [Test]
    public void Parse_EventNameFromThePath_IsReadToo()
    {
        // Act
        var parsed = EngineEventParser.Parse("""{"data":{"state":"connecting"}}""", "instance.state");

        // Assert
        Assert.That(parsed.SessionState, Is.EqualTo("connecting"));
    }

    [TestCase("""{"event":"instance.state","data":{}}""", "data.state or data.status is required")]
    [TestCase("""{"event":"instance.state","data":{"state":"<script>"}}""", "data.state must be a session state")]
    [TestCase("""{"event":"instance.state","data":{"state":""}}""", "data.state must be a session state")]
    public void Parse_NoUsableState_Is400(string body, string message)
    {
        // Act
        var exception = Assert.Throws<ValidationException>(() => EngineEventParser.Parse(body, null));

        // Assert
        Assert.That(exception!.Failures, Has.Some.Contains(message));
    }
}
