using CoachBot.Coaching.Chat;
using CoachBot.Coaching.Goals;
using CoachBot.Coaching.Managers;

namespace CoachBot.Coaching.Tests.Managers;

public sealed class OneOnOneOpenerTests
{
    private static readonly GoalWindow Week = GoalPeriod.Week.WindowOf(new DateOnly(2026, 3, 9));

    private static GoalStanding Standing(int done, int target, double elapsed, int previousBest = 0) =>
        new(new Goal(1, GoalMetric.Calls, GoalPeriod.Week, target, "self", DateTimeOffset.UnixEpoch, null), Week,
            new PaceReading(GoalMetric.Calls, GoalPeriod.Week, done, target, elapsed),
            new GoalRecords.Book(Math.Max(done, previousBest), Week, previousBest, 1, 1, 0));

    // The rep's name is marked as their own words (renderers escape it); a reader sees it plain.
    private static string Plain(string text) => new ComposedText(text).Plain;

    [Fact]
    public void TheRepsNameIsKeptAsTheirOwnWordsForRenderersToEscape()
    {
        var opener = OneOnOneOpener.Compose("driver", new("<!channel>", new RepActivity(0, 0, 0, []), 0));

        Assert.Equal("<!channel>, what's your number one priority this week?", Plain(opener));
        Assert.Equal("&lt;!channel&gt;, what's your number one priority this week?", new ComposedText(opener).Render(p => p.Replace("<", "&lt;").Replace(">", "&gt;")));
    }

    private static RepActivity Activity(IReadOnlyList<GoalStanding> goals, IReadOnlyList<WeekEngagement>? weeks = null, IReadOnlyList<string>? left = null, IReadOnlyList<string>? answered = null) =>
        new(5, 4, 2, answered ?? ["discovery"]) { Goals = goals, Weeks = weeks ?? [], LeftTopics = left ?? [] };

    [Theory]
    [InlineData("driver", "Sam, you hit a personal best: 23 calls this week. What do you want to go after next?")]
    [InlineData("expressive", "Sam, a personal best: 23 calls this week! Tell me the story: what made it work?")]
    [InlineData("analytical", "Sam, you reached a personal best: 23 calls this week. Which part of your process made the difference?")]
    [InlineData("amiable", "Sam, well done on a personal best: 23 calls this week. How are you feeling about it, and what helped most?")]
    public void ARecordWeekOpensTheConversationInTheRepsStyle(string style, string expected)
    {
        var opener = OneOnOneOpener.Compose(style, new("Sam", Activity([Standing(23, 20, 0.8, previousBest: 21)]), 0));

        Assert.Equal(expected, Plain(opener));
    }

    [Fact]
    public void ADriftComesBeforeAnyGoodNews()
    {
        var falling = new[] { new WeekEngagement(5, 5, 4), new WeekEngagement(5, 3, 4), new WeekEngagement(5, 1, 4) };

        var opener = OneOnOneOpener.Compose("analytical", new("Sam", Activity([Standing(23, 20, 0.8, previousBest: 21)], falling), 0));

        Assert.Equal("Sam, the last weeks show nudges answered fell 2 weeks running (5 → 3 → 1). What does the data look like from your side?", Plain(opener));
    }

    [Fact]
    public void AGoalBehindPaceIsNamedWithItsNumbers()
    {
        var opener = OneOnOneOpener.Compose("driver", new("Sam", Activity([Standing(6, 20, 0.6)]), 0));

        Assert.Equal("Sam, calls are at 6 of 20 with 40 % of the week left. What's the plan to close the gap?", Plain(opener));
    }

    [Fact]
    public void WithoutGoalsASkillLeftUnansweredIsTheTopic()
    {
        var opener = OneOnOneOpener.Compose("amiable", new("Sam", Activity([], left: ["prospecting"]), 0));

        Assert.Equal("Sam, I saw this week's prospecting nudge went unanswered. How are you feeling about prospecting?", Plain(opener));
    }

    [Fact]
    public void ASkillAnsweredReadsAsTheNudgesTopic()
    {
        var opener = OneOnOneOpener.Compose("expressive", new("Ben", Activity([], answered: ["demo"]), 0));

        Assert.Equal("Ben, you took on this week's demo nudge. What's your take on it?", Plain(opener));
    }

    [Theory]
    [InlineData("driver", "Ava, calls closed the week at 0 of 10. What's the one change for next week?")]
    [InlineData("expressive", "Ava, the week ended at 0 of 10 calls. What would make next week a strong one?")]
    [InlineData("analytical", "Ava, calls: 0/10 for the week. What got in the way, and which target fits next week?")]
    [InlineData("amiable", "Ava, how did this week feel on your calls? Is there one small thing I could help with for the next one?")]
    public void AWeekWhoseWorkingDaysAreOverLooksBackNotAtAGapToClose(string style, string expected)
    {
        // Found walking the demo on a Saturday: "0 of 10 with 0 % of the week left. What's the plan to close the gap?"
        var opener = OneOnOneOpener.Compose(style, new("Ava", Activity([Standing(0, 10, 1.0)]), 0));

        Assert.Equal(expected, Plain(opener));
        Assert.DoesNotContain("close the gap", opener);
    }

    [Fact]
    public void TheSameFactsGiveTheSameOpenerAndEveryStyleItsOwn()
    {
        var facts = new OneOnOneOpener.Facts("Sam", Activity([Standing(6, 20, 0.6)]), 1);

        var openers = ManagerCommandParser.Styles.Select(s => OneOnOneOpener.Compose(s, facts)).ToList();

        Assert.Equal(openers, ManagerCommandParser.Styles.Select(s => OneOnOneOpener.Compose(s, facts)));
        Assert.Equal(4, openers.Distinct().Count());
    }
}
