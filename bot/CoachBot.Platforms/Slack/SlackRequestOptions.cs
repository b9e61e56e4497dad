namespace CoachBot.Platforms.Slack;

/// <summary>Marks on outgoing requests for the layers around the client (tracing), set by <see cref="SlackWebClient"/>.</summary>
public static class SlackRequestOptions
{
    /// <summary>The request goes to a response_url: the URL itself is the credential, so it must not be recorded.</summary>
    public static readonly HttpRequestOptionsKey<bool> CapabilityUrl = new("coachbot.slack.capabilityUrl");
}
