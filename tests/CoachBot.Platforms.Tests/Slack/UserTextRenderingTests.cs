using CoachBot.Coaching.Chat;
using CoachBot.Platforms.Slack;

namespace CoachBot.Platforms.Tests.Slack;

// Issue 13: a person's words inside CoachBot's own section, context and fallback text cannot mention, broadcast or link.
public sealed class UserTextRenderingTests
{
    private static readonly UserText Name = UserText.Of("<!channel> *bold* <@U123> &amp;");
    private const string Escaped = "&lt;!channel&gt; *bold* &lt;@U123&gt; &amp;amp;";

    [Fact]
    public void SectionContextAndFallbackTextEscapeTheNameAndKeepCoachBotsOwnMarkup()
    {
        var message = new CoachMessage($"{Name} is no longer a manager", [new SectionBlock($"*{Name}* is no longer a manager. <https://coachbot.example|Help>"), new ContextBlock($"by {Name}")]);

        var blocks = BlockKitRenderer.RenderBlocks(message);

        Assert.Equal($"*{Escaped}* is no longer a manager. <https://coachbot.example|Help>", (string)blocks[0]!["text"]!["text"]!);
        Assert.Equal($"by {Escaped}", (string)blocks[1]!["elements"]![0]!["text"]!);
        Assert.Equal($"{Escaped} is no longer a manager", BlockKitRenderer.FallbackText(message));
    }

    [Fact]
    public void PlainTextHeadersAndButtonsShowTheNameAsTyped()
    {
        var blocks = BlockKitRenderer.RenderBlocks(new CoachMessage("x", [new HeaderBlock(Name), new ActionsBlock([new ChatButton("a", $"Ask {Name}", "1")])]));

        Assert.Equal(("plain_text", Name.Raw), ((string)blocks[0]!["text"]!["type"]!, (string)blocks[0]!["text"]!["text"]!));
        Assert.Equal($"Ask {Name.Raw}", (string)blocks[1]!["elements"]![0]!["text"]!["text"]!);
    }

    [Fact]
    public void AHomeViewEscapesTheNameToo()
    {
        var view = BlockKitRenderer.RenderHome(new CoachMessage("home", [new SectionBlock($"E-1 · {Name} · open")]));

        Assert.Equal($"E-1 · {Escaped} · open", (string)view["blocks"]![0]!["text"]!["text"]!);
    }
}
