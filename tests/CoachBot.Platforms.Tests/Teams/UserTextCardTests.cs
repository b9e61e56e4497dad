using CoachBot.Coaching.Chat;
using CoachBot.Platforms.Teams;

namespace CoachBot.Platforms.Tests.Teams;

// Issue 13: a name with markdown or HTML shows as typed in an Adaptive Card; CoachBot's own markdown still works.
public sealed class UserTextCardTests
{
    private static readonly UserText Name = UserText.Of("**Riley** <b>Rep</b> [x](https://evil.example) &amp;");

    [Fact]
    public void HeaderSectionAndContextEscapeTheNameOnly()
    {
        var card = AdaptiveCardRenderer.Render(new CoachMessage($"{Name} paused", [new HeaderBlock(Name), new SectionBlock($"**Paused:** {Name}"), new ContextBlock($"by {Name}")]));

        var body = card["body"]!.AsArray();
        const string escaped = "\\*\\*Riley\\*\\* \\<b\\>Rep\\</b\\> \\[x\\]\u200B(https://evil.example) \\&amp;";
        Assert.Equal(escaped, (string)body[0]!["text"]!);
        Assert.Equal($"**Paused:** {escaped}", (string)body[1]!["text"]!);
        Assert.Equal($"by {escaped}", (string)body[2]!["text"]!);
        Assert.Equal(CardText.Safe($"{Name.Raw} paused"), (string)card["fallbackText"]!); // plain text, links defused
    }
}
