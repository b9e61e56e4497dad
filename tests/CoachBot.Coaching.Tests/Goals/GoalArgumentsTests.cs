using CoachBot.Coaching.Conversation;
using CoachBot.Coaching.Goals;

namespace CoachBot.Coaching.Tests.Goals;

public sealed class GoalArgumentsTests
{
    [Theory]
    [InlineData("goal 20 calls weekly", GoalMetric.Calls, 20, GoalPeriod.Week)]
    [InlineData("goal 5 meetings booked per week", GoalMetric.Meetings, 5, GoalPeriod.Week)]
    [InlineData("goal 3 demos a day", GoalMetric.Demos, 3, GoalPeriod.Day)]
    [InlineData("goal 50k pipeline quarterly", GoalMetric.Pipeline, 50_000, GoalPeriod.Quarter)]
    [InlineData("/goal 2 deals monthly", GoalMetric.Deals, 2, GoalPeriod.Month)]
    public void ReadsAGoalWithItsNumberMetricAndPeriod(string text, GoalMetric metric, int target, GoalPeriod period)
    {
        var parsed = Assert.IsType<CommandParse.Parsed>(CommandParser.Parse(text));

        Assert.Equal(new RepCommand.Goals(new GoalRequest.Set(metric, target, period)), parsed.Command);
    }

    [Fact]
    public void AGoalWithoutAPeriodLeavesItToTheRace()
    {
        var parsed = Assert.IsType<CommandParse.Parsed>(CommandParser.Parse("goal 20 calls"));

        Assert.Equal(new RepCommand.Goals(new GoalRequest.Set(GoalMetric.Calls, 20, null)), parsed.Command);
    }

    [Theory]
    [InlineData("goal", typeof(GoalRequest.Show))]
    [InlineData("goals", typeof(GoalRequest.Show))]
    [InlineData("goal remove calls", typeof(GoalRequest.Remove))]
    [InlineData("goal clear", typeof(GoalRequest.Remove))]
    public void ShowsAndRemovesGoals(string text, Type expected)
    {
        var parsed = Assert.IsType<CommandParse.Parsed>(CommandParser.Parse(text));

        Assert.IsType(expected, Assert.IsType<RepCommand.Goals>(parsed.Command).Request);
    }

    [Theory]
    [InlineData("goal 20 widgets weekly", "\"widgets\" is not a metric")]
    [InlineData("goal lots of calls", "Start with the number")]
    [InlineData("goal 20", "Say what to count")]
    [InlineData("log calls", "Say how many of what")]
    [InlineData("log 3 widgets to the crm today", "\"widgets crm\" is not a metric")]
    public void BadInputIsAnsweredWithTheValidMetricsAndPeriods(string text, string problem)
    {
        var rejected = Assert.IsType<CommandParse.Rejected>(CommandParser.Parse(text));

        Assert.Contains(problem, CoachBot.Coaching.Chat.UserText.WithoutMarks(rejected.Message));
        Assert.Contains("calls, meetings, demos, stakeholders, proposals, pipeline, deals", rejected.Message);
    }

    [Theory]
    [InlineData("log 3 calls", GoalMetric.Calls, 3)]
    [InlineData("booked 2 meetings", GoalMetric.Meetings, 2)]
    [InlineData("booked 2", GoalMetric.Meetings, 2)]
    [InlineData("sent 1 proposal", GoalMetric.Proposals, 1)]
    [InlineData("closed 1 deal", GoalMetric.Deals, 1)]
    [InlineData("added 5k to pipeline", GoalMetric.Pipeline, 5000)]
    [InlineData("log 2 meetings booked", GoalMetric.Meetings, 2)]
    public void ReadsProgressTheWayPeopleTypeIt(string text, GoalMetric metric, int amount)
    {
        var parsed = Assert.IsType<CommandParse.Parsed>(CommandParser.Parse(text));

        Assert.Equal(new RepCommand.LogProgress(metric, amount), parsed.Command);
    }

    [Theory]
    [InlineData("booked it")]
    [InlineData("closed")]
    [InlineData("sent 3 emails to Acme")]
    [InlineData("Booked two discovery calls with Acme for Thursday")]
    public void ARepliesThatMerelyStartsWithAVerbStaysAReply(string text)
    {
        Assert.IsType<CommandParse.FreeText>(CommandParser.Parse(text));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("1.5")]
    [InlineData("2000000000")]
    public void AnAmountIsAWholePositiveNumberWithinBounds(string text)
    {
        Assert.False(GoalArguments.TryAmount(text, out _));
    }
}
