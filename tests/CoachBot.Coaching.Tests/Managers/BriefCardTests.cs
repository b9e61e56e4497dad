using CoachBot.Coaching.Chat;
using CoachBot.Coaching.Goals;
using CoachBot.Coaching.Learning;
using CoachBot.Coaching.Managers;
using CoachBot.Coaching.Profiles;

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

    [Theory]
    [InlineData(2, 3, "2/3 (67%)")]
    [InlineData(1, 3, "1/3 (33%)")]
    [InlineData(5, 6, "5/6 (83%)")]
    public void TheReplyRateRoundsToTheNearestPercent(int answered, int sent, string expected)
    {
        // The demo walk showed "2/3 (66%)": integer division truncated.
        var activity = new RepActivity(NudgesSent: sent, NudgesAnswered: answered, Streak: 0, AnsweredTopics: []);

        var fields = BriefCard.Render(new BriefData("Ben", "expressive", activity, [], "Hi"), Now).Blocks.OfType<FieldsBlock>().Single().Fields;

        Assert.Equal(expected, fields.Single(f => f.Label == "Reply rate").Value);
    }

    [Fact]
    public void WithoutActivityDataSaysSoInsteadOfInventingNumbers()
    {
        var card = BriefCard.Render(new BriefData("Sam", null, null, [], "Hi"), Now);

        var fields = card.Blocks.OfType<FieldsBlock>().Single().Fields.ToDictionary(f => f.Label, f => f.Value);
        Assert.Equal("no data yet", fields["Reply rate"]);
        Assert.Equal("none", fields["Open escalations"]);
    }

    [Fact]
    public void ShowsGoalProgressRecordsTheTrendSkillsLeftAndAWatchLine()
    {
        var week = GoalPeriod.Week.WindowOf(new DateOnly(2026, 3, 9));
        var standing = new GoalStanding(new Goal(1, GoalMetric.Demos, GoalPeriod.Week, 5, "manager", Now, null), week,
            new PaceReading(GoalMetric.Demos, GoalPeriod.Week, 2, 5, 0.6), new GoalRecords.Book(7, week, 7, 3, 4, 4));
        var activity = new RepActivity(5, 3, 1, ["discovery"])
        {
            Goals = [standing],
            LeftTopics = ["prospecting"],
            Weeks = [new(5, 5, 4.5), new(5, 4, 4.0), new(5, 3, 3.5)],
        };

        var card = BriefCard.Render(new BriefData("Sam", "driver", activity, [], "Opener"), Now);

        var text = string.Join("\n", card.Blocks.OfType<SectionBlock>().Select(s => s.Text));
        Assert.Contains("• 2 demos of 5 this week (40 %), behind pace · best week: 7 · 3 weeks on target in a row (record 4)", text);
        Assert.Contains("Left unanswered: prospecting", text);
        Assert.Contains("Watch: nudges answered fell 2 weeks running (5 → 4 → 3).", text);
        var fields = card.Blocks.OfType<FieldsBlock>().Single().Fields.ToDictionary(f => f.Label, f => f.Value);
        Assert.Equal("4.5 → 4.0 → 3.5 (falling)", fields["Confidence trend"]);
    }

    [Fact]
    public void HoldingSteadyShowsNoWatchLine()
    {
        var activity = new RepActivity(5, 5, 5, ["discovery"]) { Weeks = [new(5, 5, 4), new(5, 5, 4), new(5, 5, 4)] };

        var card = BriefCard.Render(new BriefData("Sam", "amiable", activity, [], "Opener"), Now);

        Assert.DoesNotContain(card.Blocks.OfType<SectionBlock>(), s => s.Text.StartsWith("Watch", StringComparison.Ordinal));
    }

    [Fact]
    public void StyleCheckNamesBothRecordsAndHowToSwitchWithoutSwitching()
    {
        var suggestion = new StyleSuggestion(new StyleTally(CommunicationStyle.Driver, 9, 2), new StyleTally(CommunicationStyle.Amiable, 6, 5), 0.97);

        var card = BriefCard.Render(new BriefData("Sam <b>", "driver", null, [], "Opener", suggestion), Now);

        var check = Assert.Single(card.Blocks.OfType<SectionBlock>(), s => s.Text.StartsWith("Style check:", StringComparison.Ordinal));
        Assert.Contains("answered 5 of 6 Amiable nudges and 2 of 9 Driver ones (97", check.Text);
        Assert.Contains("`style @person amiable`", check.Text);
        // The name is marked as outside text, so each platform's renderer escapes it.
        Assert.StartsWith("Style check: \uFFF9Sam <b>\uFFFB answered", check.Text);
    }

    [Fact]
    public void NoStyleCheckWithoutASuggestion()
    {
        var card = BriefCard.Render(new BriefData("Sam", "driver", null, [], "Opener"), Now);

        Assert.DoesNotContain(card.Blocks.OfType<SectionBlock>(), s => s.Text.StartsWith("Style check:", StringComparison.Ordinal));
    }

    [Fact]
    public void AnUnreachableRepsBriefSaysWhyAndWhatToDo()
    {
        var card = BriefCard.Render(new BriefData("Sam", "driver", null, [], "Two options?", Unreachable: [new ReachLoss("teams", "403 BotNotInConversationRoster")]), Now);

        Assert.Contains(card.Blocks.OfType<SectionBlock>(), s => s.Text ==
            "CoachBot cannot reach Sam, so their nudges are on hold: CoachBot's Teams app is not installed for them. Run `install teams`, or ask them to add CoachBot in Teams.");
    }

    [Fact]
    public void AReachableRepsBriefSaysNothingAboutReach()
    {
        var card = BriefCard.Render(new BriefData("Sam", "driver", null, [], "Two options?"), Now);

        Assert.DoesNotContain(card.Blocks.OfType<SectionBlock>(), s => s.Text.Contains("cannot reach", StringComparison.Ordinal));
    }
}
