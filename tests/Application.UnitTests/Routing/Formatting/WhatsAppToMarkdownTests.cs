using RyzeApi.Application.Routing.Formatting;

namespace RyzeApi.Application.UnitTests.Routing.Formatting;

/// <summary>A customer's WhatsApp formatting as Chatwoot's markdown (docs/api/en/engine-events.md, Formatting).</summary>
[TestFixture]
public sealed class WhatsAppToMarkdownTests
{
    [TestCase("*bold*", "**bold**")]
    [TestCase("_italic_", "*italic*")]
    [TestCase("~strike~", "~~strike~~")]
    [TestCase("```mono```", "`mono`")]
    [TestCase("Olá *João*, tudo _bem_?", "Olá **João**, tudo *bem*?")]
    [TestCase("*two words* and ~gone now~", "**two words** and ~~gone now~~")]
    [TestCase("(*bold*)", "(**bold**)")]
    [TestCase("\"_quoted_\"", "\"*quoted*\"")]
    [TestCase("*bold*.", "**bold**.")]
    [TestCase("*á*", "**á**")]
    [TestCase("*_bold italic_*", "***bold italic***")]
    [TestCase("_*italic bold*_", "***italic bold***")]
    [TestCase("*bold* _it_ ~st~ ```mo```", "**bold** *it* ~~st~~ `mo`")]
    [TestCase("line *one*\nline _two_", "line **one**\nline *two*")]
    public void Formatting_BecomesMarkdown(string whatsApp, string markdown) =>
        Assert.That(MessageFormatting.ToChatwoot(whatsApp), Is.EqualTo(markdown));

    [TestCase("2*3*4")]
    [TestCase("2 * 3 * 4 = 24")]
    [TestCase("snake_case_word")]
    [TestCase("my_var and other_var")]
    [TestCase("_private_var")]
    [TestCase("a*b*")]
    [TestCase("*not closed")]
    [TestCase("* list item\n* another")]
    [TestCase("* spaced *")]
    [TestCase("*spaced *")]
    [TestCase("**")]
    [TestCase("***")]
    [TestCase("~~")]
    [TestCase("*bold*s")]
    [TestCase("*across\nlines*")]
    [TestCase("price: R$ 10,00 ~ 12,00")]
    [TestCase("")]
    public void NotFormatting_StaysAsItIs(string text) => Assert.That(MessageFormatting.ToChatwoot(text), Is.EqualTo(text));

    [TestCase("https://example.com/a_b_c/d*e*f")]
    [TestCase("see https://example.com/_x_ now")]
    [TestCase("http://x.com/~user~/page")]
    [TestCase("www.example.com/some_path_here")]
    [TestCase("first_last@example.com")]
    [TestCase("_john_@example.com")]
    [TestCase("write to ana_maria@mail.example.com or *x_y*@example.com")]
    public void LinksAndAddresses_StayAsTheyAre(string text) => Assert.That(MessageFormatting.ToChatwoot(text), Is.EqualTo(text));

    [Test]
    public void LinkInsideBold_TheLinkStaysAndTheBoldConverts() =>
        Assert.That(MessageFormatting.ToChatwoot("*see https://example.com/a_b*"), Is.EqualTo("**see https://example.com/a_b**"));

    [Test]
    public void LinkEndingASentence_TheFormattingAfterItConverts() =>
        Assert.That(MessageFormatting.ToChatwoot("https://x.com/a_b. _done_"), Is.EqualTo("https://x.com/a_b. *done*"));

    [TestCase("```*not bold* _nor italic_```", "`*not bold* _nor italic_`")]
    [TestCase("`inline *code*`", "`inline *code*`")]
    [TestCase("``two *ticks*``", "``two *ticks*``")]
    [TestCase("*a* `b_c_d` *e*", "**a** `b_c_d` **e**")]
    public void TextInCode_IsNotFormatted(string whatsApp, string markdown) =>
        Assert.That(MessageFormatting.ToChatwoot(whatsApp), Is.EqualTo(markdown));

    [Test]
    public void MonospaceOverSeveralLines_BecomesACodeBlock() =>
        Assert.That(MessageFormatting.ToChatwoot("code:\n```var x = *p;\nreturn x;```"), Is.EqualTo("code:\n```\nvar x = *p;\nreturn x;\n```"));

    [Test]
    public void MonospaceHoldingABacktick_KeepsIt() =>
        Assert.That(MessageFormatting.ToChatwoot("```a`b```"), Is.EqualTo("`` a`b ``"));

    [TestCase("```never closed *bold*", "```never closed **bold**")]
    [TestCase("``````", "``````")]
    public void UnclosedOrEmptyCode_IsText(string whatsApp, string markdown) =>
        Assert.That(MessageFormatting.ToChatwoot(whatsApp), Is.EqualTo(markdown));
}
