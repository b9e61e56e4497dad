namespace CoachBot.Coaching.Managers;

/// <summary>One platform ("slack" or "teams") on which CoachBot cannot reach someone, and the stored reason code.</summary>
public sealed record ReachLoss(string Platform, string? Reason)
{
    public string PlatformName => PlatformNameOf(Platform);

    public static string PlatformNameOf(string platform) => platform == "teams" ? "Teams" : "Slack";
}
