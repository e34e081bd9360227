using RyzeApi.Application.Routing.Formatting;

namespace RyzeApi.Application.UnitTests.Routing.Formatting;

/// <summary>An agent's markdown in Chatwoot as WhatsApp formatting (docs/api/en/chatwoot-webhook.md, Formatting).</summary>
[TestFixture]
public sealed class MarkdownToWhatsAppTests
{
    [TestCase("**bold**", "*bold*")]
    [TestCase("__bold__", "*bold*")]
    [TestCase("*italic*", "_italic_")]
    [TestCase("_italic_", "_italic_")]
    [TestCase("~~strike~~", "~strike~")]
    [TestCase("~strike~", "~strike~")]
    [TestCase("`mono`", "```mono```")]
    [TestCase("Olá **João**, tudo *bem*?", "Olá *João*, tudo _bem_?")]
    [TestCase("**bold** *it* ~~st~~ `mo`", "*bold* _it_ ~st~ ```mo```")]
    [TestCase("**_bold italic_**", "*_bold italic_*")]
    [TestCase("(**bold**).", "(*bold*).")]
    [TestCase("line **one**\n\nline *two*", "line *one*\n\nline _two_")]
    public void Markdown_BecomesWhatsAppFormatting(string markdown, string whatsApp) =>
        Assert.That(MessageFormatting.ToWhatsApp(markdown), Is.EqualTo(whatsApp));

    [TestCase("2*3*4")]
    [TestCase("2 * 3 * 4 = 24")]
    [TestCase("snake_case_word")]
    [TestCase("* list item\n* another")]
    [TestCase("- item\n- item")]
    [TestCase("**not closed")]
    [TestCase("*bold*s")]
    [TestCase("1. first\n2. second")]
    [TestCase("")]
    public void NotFormatting_StaysAsItIs(string text) => Assert.That(MessageFormatting.ToWhatsApp(text), Is.EqualTo(text));

    [TestCase("https://example.com/a_b_c/d*e*f")]
    [TestCase("[the page](https://example.com/__init__)")]
    [TestCase("first_last@example.com")]
    [TestCase("www.example.com/some_path_here")]
    public void LinksAndAddresses_StayAsTheyAre(string text) => Assert.That(MessageFormatting.ToWhatsApp(text), Is.EqualTo(text));

    [TestCase(@"2\*3\*4", "2*3*4")]
    [TestCase(@"\*not italic\*", "*not italic*")]
    [TestCase(@"my\_var", "my_var")]
    [TestCase(@"\`not code\`", "`not code`")]
    [TestCase(@"a \\ b", @"a \ b")]
    [TestCase(@"C:\path", @"C:\path")]
    public void BackslashEscapes_AreTheLiteralCharacter(string markdown, string whatsApp) =>
        Assert.That(MessageFormatting.ToWhatsApp(markdown), Is.EqualTo(whatsApp));

    [TestCase("`*not bold*`", "```*not bold*```")]
    [TestCase("``a ` tick``", "```a ` tick```")]
    [TestCase("`` `x` ``", "```\u0060x\u0060```")]
    [TestCase("**a** `b_c_d` **e**", "*a* ```b_c_d``` *e*")]
    public void TextInCode_IsNotFormatted(string markdown, string whatsApp) =>
        Assert.That(MessageFormatting.ToWhatsApp(markdown), Is.EqualTo(whatsApp));

    [TestCase("```csharp\nvar x = a*b*c;\n```", "```var x = a*b*c;```")]
    [TestCase("```\nline _1_\nline 2\n```", "```line _1_\nline 2```")]
    [TestCase("```inline```", "```inline```")]
    public void CodeBlock_BecomesMonospace(string markdown, string whatsApp) =>
        Assert.That(MessageFormatting.ToWhatsApp(markdown), Is.EqualTo(whatsApp));

    [TestCase("*bold*", TestName = "RoundTrip_Bold")]
    [TestCase("_italic_ and ~strike~", TestName = "RoundTrip_ItalicAndStrike")]
    [TestCase("```mono``` then *b*", TestName = "RoundTrip_MonoThenBold")]
    [TestCase("2*3*4 my_var https://x.com/a_b_", TestName = "RoundTrip_NotFormatting")]
    public void WhatsAppToChatwootAndBack_IsTheSameText(string whatsApp) =>
        Assert.That(MessageFormatting.ToWhatsApp(MessageFormatting.ToChatwoot(whatsApp)), Is.EqualTo(whatsApp));
}
