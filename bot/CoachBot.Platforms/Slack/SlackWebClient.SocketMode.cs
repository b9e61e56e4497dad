using System.Net;
using System.Net.Http.Headers;

namespace CoachBot.Platforms.Slack;

public sealed partial class SlackWebClient
{
    /// <summary>
    /// apps.connections.open: a fresh, single-use websocket URL for Socket Mode, asked for with the app-level token (never a
    /// bot token). Only wss:// is accepted, except ws:// on a loopback host (a test fake or the local workspace).
    /// </summary>
    public async Task<Uri> OpenSocketUrlAsync(string appToken, CancellationToken cancellationToken)
    {
        var policy = new CallPolicy(TeamId: null) { Authorization = new AuthenticationHeaderValue("Bearer", appToken) };
        var body = await CallFormAsync("apps.connections.open", [], policy, cancellationToken);
        if (!Uri.TryCreate(body.Str("url"), UriKind.Absolute, out var url)
            || !(url.Scheme == "wss" || (url.Scheme == "ws" && (url.IsLoopback || IPAddress.TryParse(url.Host, out var ip) && IPAddress.IsLoopback(ip)))))
        {
            throw new SlackApiException("apps.connections.open", "invalid_socket_url", SlackErrorClass.Permanent);
        }

        return url;
    }
}
