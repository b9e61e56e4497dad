using CoachBot.Bot.Slack.SocketMode;

namespace CoachBot.Bot.Tests.Slack.SocketMode;

public sealed class SlackSocketBackoffTests
{
    private static readonly TimeSpan First = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Max = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 2)]
    [InlineData(3, 8)]
    [InlineData(20, 60)]
    public void DoublesPerFailureUpToTheCapAndWaitsInItsUpperHalf(int failures, double capSeconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(capSeconds / 2), SlackSocketBackoff.Delay(failures, First, Max, random: 0));
        Assert.Equal(TimeSpan.FromSeconds(capSeconds), SlackSocketBackoff.Delay(failures, First, Max, random: 1));
    }

    [Fact]
    public void InstancesCutOffTogetherComeBackAtDifferentTimes()
    {
        var delays = new[] { 0.1, 0.4, 0.9 }.Select(r => SlackSocketBackoff.Delay(4, First, Max, r)).ToList();

        Assert.Equal(3, delays.Distinct().Count());
        Assert.All(delays, d => Assert.InRange(d, TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(16)));
    }
}
