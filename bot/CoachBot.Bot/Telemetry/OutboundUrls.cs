using System.Diagnostics;
using CoachBot.Platforms.Slack;

namespace CoachBot.Bot.Telemetry;

/// <summary>
/// A Slack response_url is a capability (whoever holds it can post), so its HTTP span keeps the host only. Web API
/// and Connector URLs carry method names and conversation ids, which may stay.
/// </summary>
internal static class OutboundUrls
{
    public static void Redact(Activity activity, HttpRequestMessage request)
    {
        if (request.Options.TryGetValue(SlackRequestOptions.CapabilityUrl, out var capability) && capability && request.RequestUri is { } uri)
        {
            activity.SetTag("url.full", $"{uri.Scheme}://{uri.Authority}/[redacted]");
            activity.SetTag("url.path", "/[redacted]");
            activity.DisplayName = $"{request.Method} response_url";
        }
    }
}
