using RyzeApi.Application.Routing.Ingress;

namespace RyzeApi.Application.UnitTests.Routing;

/// <summary>docs/adr/0027-chat-keyed-by-the-person.md: one person's spellings compare equal, a LID is never a phone
/// number, and a message's lane is the LID whenever the event carries one.</summary>
[TestFixture]
public sealed class PersonSpellingsTests
{
    [TestCase("5511999999999", "5511999999999@s.whatsapp.net")]
    [TestCase("5511999999999@s.whatsapp.net", "5511999999999@s.whatsapp.net")]
    [TestCase("5511999999999:12@s.whatsapp.net", "5511999999999@s.whatsapp.net")]
    [TestCase("5511999999999@c.us", "5511999999999@s.whatsapp.net")]
    [TestCase("204458374921234@lid", null)]
    [TestCase("120363025246125888@g.us", null)]
    [TestCase("", null)]
    public void PhoneJid_IsOneSpellingPerNumber_AndNoneForALidOrAGroup(string jid, string? expected) =>
        Assert.That(PersonSpellings.PhoneJid(jid), Is.EqualTo(expected));

    [TestCase("204458374921234@lid", "204458374921234@lid")]
    [TestCase("204458374921234:3@lid", "204458374921234@lid")]
    [TestCase("5511999999999@s.whatsapp.net", null)]
    [TestCase(null, null)]
    public void Lid_IsReadOnlyFromALid(string? jid, string? expected) =>
        Assert.That(PersonSpellings.Lid(jid), Is.EqualTo(expected));

    [Test]
    public void Lane_IsTheLidForBothFormsOfOnePerson_AndTheJidWithoutOne()
    {
        // Arrange
        var withLid = Parse("""{"jid": "5511999999999@s.whatsapp.net", "lid": "204458374921234@lid"}""");
        var lidOnly = Parse("""{"jid": "204458374921234@lid"}""");
        var phoneOnly = Parse("""{"jid": "5511999999999@s.whatsapp.net"}""");

        // Act / Assert
        Assert.That(withLid.Lane, Is.EqualTo(lidOnly.Lane));
        Assert.That(withLid.Lane.Key, Is.EqualTo("204458374921234@lid"));
        Assert.That(withLid.ChatLid, Is.EqualTo("204458374921234@lid"));
        Assert.That(phoneOnly.Lane.Key, Is.EqualTo("5511999999999@s.whatsapp.net"));
    }

    [Test]
    public void Lane_OfAGroup_IsItsJidEvenWithALid()
    {
        var group = Parse("""{"jid": "120363025246125888@g.us", "lid": "999@lid", "type": "group"}""");

        Assert.That(group.Lane.Key, Is.EqualTo("120363025246125888@g.us"));
    }

    private static WhatsAppMessage Parse(string chat) =>
        EngineEventParser.Parse(
            """{"event": "message.exchange", "data": {"message": {"id": "M1", "type": "text", "chat": """ + chat + """, "content": {"text": "oi"}}}}""",
            null).Message!;
}
