using System.Threading.RateLimiting;
using CoachBot.Platforms.Slack;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CoachBot.Bot.Slack;

/// <summary>
/// GET /slack/install needs no login and stores a state row each time, so each client address gets
/// Slack:InstallStartsPerMinute of them; past that a 429 that says when to try again, and nothing is stored.
/// </summary>
internal sealed class SlackInstallRateLimit(IOptions<SlackOptions> options) : IRateLimiterPolicy<string>
{
    public const string Policy = "slack-install";
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => (context, cancellationToken) =>
    {
        var response = context.HttpContext.Response;
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.Headers.RetryAfter = ((int)Window.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new ValueTask(response.WriteAsync("Too many install attempts from this address. Wait a minute, then start again from /slack/install.", cancellationToken));
    };

    public RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
        RateLimitPartition.GetFixedWindowLimiter(httpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.InstallStartsPerMinute,
            Window = Window,
            QueueLimit = 0,
        });
}
