namespace CoachBot.Platforms.RateLimiting;

/// <summary>A key in the <see cref="SharedRateGate"/> and the pace it is held to.</summary>
public readonly record struct RateLimit(string Key, double PerSecond)
{
    public TimeSpan Spacing => TimeSpan.FromSeconds(1 / PerSecond);
}
