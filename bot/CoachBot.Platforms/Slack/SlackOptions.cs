namespace CoachBot.Platforms.Slack;

/// <summary>Bound from the <c>Slack</c> section. Secrets come from the environment (<c>Slack__BotToken</c>, <c>Slack__SigningSecret</c>).</summary>
public sealed class SlackOptions
{
    public const string Section = "Slack";

    public string SigningSecret { get; set; } = "";

    /// <summary>The <c>xoxb-</c> token of the single workspace this instance serves.</summary>
    public string BotToken { get; set; } = "";

    public Uri ApiBaseUrl { get; set; } = new("https://slack.com/api/");

    /// <summary>The one channel escalations may go to; @-mentions there are manager commands.</summary>
    public string? ManagerChannelId { get; set; }

    /// <summary>Optional: the workspace id, when known before <c>auth.test</c> answers.</summary>
    public string? TeamId { get; set; }

    public double PostPerChannelPerSecond { get; set; } = 1;

    public int PostPerWorkspacePerMinute { get; set; } = 600;

    public int MaxAttempts { get; set; } = 4;

    /// <summary>No Web API call, retries and Retry-After waits included, runs longer than this.</summary>
    public TimeSpan OverallDeadline { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Largest inbound request body; Slack's payloads are tens of KB.</summary>
    public int MaxRequestBytes { get; set; } = 1024 * 1024;

    public bool Enabled => !string.IsNullOrWhiteSpace(BotToken) && !string.IsNullOrWhiteSpace(SigningSecret);
}
