using CoachBot.Platforms.RateLimiting;

namespace CoachBot.Platforms.Slack;

/// <summary>
/// Slack's send rates and their keys in the shared gate, the one place they are spelled: <c>chat.postMessage</c> per
/// workspace (Slack:PostPerWorkspacePerMinute) and per channel (Slack:PostPerChannelPerSecond), slack-platform.md §7.
/// </summary>
public static class SlackRates
{
    public static RateLimit Post(SlackOptions options, string teamId) => new($"slack:{teamId}:post", options.PostPerWorkspacePerMinute / 60.0);

    public static RateLimit Channel(SlackOptions options, string teamId, string channel) => new($"slack:{teamId}:post:{channel}", options.PostPerChannelPerSecond);
}
