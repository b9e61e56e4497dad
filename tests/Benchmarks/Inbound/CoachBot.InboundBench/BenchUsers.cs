namespace CoachBot.InboundBench;

/// <summary>The benchmark's workspace and people: both the fake and the load generator derive them from an index.</summary>
internal static class BenchUsers
{
    public const int Count = 400;
    public const string TeamId = "T0BENCH01";
    public const string ChannelId = "C0BENCH01";
    public const string BotUserId = "U0BENCHBOT";
    public const string BotId = "B0BENCHBOT";

    public static string UserId(int index) => $"U0BENCH{index:D4}";

    public static string DirectChannel(int index) => $"D0BENCH{index:D4}";

    public static int? IndexOf(string userId) =>
        userId.StartsWith("U0BENCH", StringComparison.Ordinal) && int.TryParse(userId.AsSpan(7), out var index) ? index : null;
}
