namespace CoachBot.Bot.Slack.SocketMode;

/// <summary>
/// How long to wait before reconnect number <c>failures + 1</c>: doubling from <c>first</c> up to <c>max</c>, then a random
/// point in the upper half, so instances cut off together do not come back together (and never retry at once in a loop).
/// </summary>
internal static class SlackSocketBackoff
{
    public static TimeSpan Delay(int failures, TimeSpan first, TimeSpan max, double random)
    {
        var cap = Math.Min(max.Ticks, first.Ticks * Math.Pow(2, Math.Min(failures, 30)));
        return TimeSpan.FromTicks((long)(cap / 2 + cap / 2 * Math.Clamp(random, 0, 1)));
    }
}
