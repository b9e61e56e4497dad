using CoachBot.Coaching.Chat;
using CoachBot.Coaching.Managers;

namespace CoachBot.Coaching.Tests.Managers;

public sealed class BriefCardTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 9, 8, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("driver", "Driver: bottom line first")]
    [InlineData("expressive", "Expressive:")]
    [InlineData("amiable", "Amiable: warm check-in")]
    [InlineData("analytical", "Analytical: bring the data")]
    [InlineData(null, "Style not known yet")]
    public void AdviceFollowsTheRepsStyle(string? style, string expected)
    {
        var card = BriefCard.Render(new BriefData("Sam", style, null, [], "How was your week?"), Now);

        Assert.StartsWith(expected, card.Blocks.OfType<ContextBlock>().Single().Text);
    }

    [Fact]
    public void ShowsReplyRateStreakAndAnsweredTopics()
    {
        var activity = new RepActivity(NudgesSent: 4, NudgesAnswered: 3, Streak: 2, AnsweredTopics: ["discovery calls"]);

        var card = BriefCard.Render(new BriefData("Sam", "driver", activity, [], "Two options?"), Now);

        var fields = card.Blocks.OfType<FieldsBlock>().Single().Fields.ToDictionary(f => f.Label, f => f.Value);
        Assert.Equal("3/4 (75%)", fields["Reply rate"]);
        Assert.Equal("2 in a row", fields["Streak"]);
        Assert.Contains(card.Blocks.OfType<SectionBlock>(), s => s.Text == "Answered this week: discovery calls");
        Assert.Contains(card.Blocks.OfType<SectionBlock>(), s => s.Text == "Suggested 1:1 opener: \"Two options?\"");
    }

    [Fact]
    public void WithoutActivityDataSaysSoInsteadOfInventingNumbers()
    {
        var card = BriefCard.Render(new BriefData("Sam", null, null, [], "Hi"), Now);

        var fields = card.Blocks.OfType<FieldsBlock>().Single().Fields.ToDictionary(f => f.Label, f => f.Value);
        Assert.Equal("no data yet", fields["Reply rate"]);
        Assert.Equal("none", fields["Open escalations"]);
    }
}
