using System.Diagnostics;

namespace CoachBot.Bot.Telemetry;

/// <summary>
/// A Slack response_url (…/actions/… or …/commands/…) is a capability: whoever holds it can post. Its span keeps
/// the host only. Web API and Connector URLs carry method names and conversation ids, which may stay.
/// </summary>
internal static class OutboundUrls
{
    public static void Redact(Activity activity, HttpRequestMessage request)
    {
        if (request.RequestUri is { } uri && (uri.AbsolutePath.Contains("/actions/", StringComparison.Ordinal) || uri.AbsolutePath.Contains("/commands/", StringComparison.Ordinal)))
        {
            activity.SetTag("url.full", $"{uri.Scheme}://{uri.Authority}/[redacted]");
            activity.SetTag("url.path", "/[redacted]");
        }
    }
}
