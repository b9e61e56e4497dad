using CoachBot.Platforms.Slack;

namespace CoachBot.Platforms.Tests.Slack;

public sealed class SlackTextTests
{
    [Theory]
    [InlineData("<!channel> please", "&lt;!channel&gt; please")]
    [InlineData("<!here>", "&lt;!here&gt;")]
    [InlineData("ping <@U123ABC>", "ping &lt;@U123ABC&gt;")]
    [InlineData("<https://evil.example|click me>", "&lt;https://evil.example|click me&gt;")]
    [InlineData("fish & chips", "fish &amp; chips")]
    [InlineData("&lt; already", "&amp;lt; already")]
    [InlineData("plain *bold* text", "plain *bold* text")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void EscapesTheThreeCharactersSlackFormattingUses(string? input, string expected) =>
        Assert.Equal(expected, SlackText.Escape(input));

    [Fact]
    public void LeavesShortTextAlone() => Assert.Equal("short", SlackText.Truncate("short", 10));

    [Fact]
    public void TruncatesWithAnEllipsisWithinTheLimit()
    {
        var result = SlackText.Truncate(new string('a', 50), 10);

        Assert.Equal(10, result.Length);
        Assert.EndsWith(SlackText.Ellipsis, result);
    }

    [Fact]
    public void NeverCutsAnEscapeInHalf()
    {
        var escaped = SlackText.Escape(new string('a', 6) + "<<<<");

        var result = SlackText.Truncate(escaped, 10);

        Assert.Equal("aaaaaa" + SlackText.Ellipsis, result);
    }

    [Fact]
    public void NeverCutsAMentionTokenInHalf()
    {
        var result = SlackText.Truncate("Hi <@U0123456789> there", 12);

        Assert.Equal("Hi " + SlackText.Ellipsis, result);
    }

    [Fact]
    public void NeverSplitsASurrogatePair()
    {
        var result = SlackText.Truncate("abcd😀efgh", 6);

        Assert.Equal("abcd" + SlackText.Ellipsis, result);
    }

    [Fact]
    public void QuotesEachLineAndEscapesIt() =>
        Assert.Equal("> one &lt;!channel&gt;\n> two", SlackText.Quote("one <!channel>\ntwo"));

    [Theory]
    [InlineData("R&amp;D &lt;b&gt;", "R&D <b>")]
    [InlineData("&amp;lt; typed", "&lt; typed")]
    [InlineData("<@U0123> and <https://x.example|x>", "<@U0123> and <https://x.example|x>")]
    [InlineData("", "")]
    public void UnescapeGivesBackWhatWasTyped(string fromSlack, string typed) =>
        Assert.Equal(typed, SlackText.Unescape(fromSlack));

    [Fact]
    public void EscapingWhatUnescapeGaveBackIsWhatSlackSent() =>
        Assert.Equal("R&amp;D &lt;b&gt;", SlackText.Escape(SlackText.Unescape("R&amp;D &lt;b&gt;")));
}
