using System.Diagnostics;
using CoachBot.Bot.Teams;
using CoachBot.Coaching.Telemetry;

namespace CoachBot.Bot.Telemetry;

/// <summary>
/// Times each inbound Slack and Teams request from its first byte through signature and token checks to the moment
/// its answer starts (the ack the platforms wait 3 s and 15 s for), as coachbot.ack.duration{endpoint}. It runs first
/// in the pipeline, from a startup filter, so Bot Framework's JWT check, which runs before any endpoint filter, counts.
/// </summary>
internal sealed class AckTiming(CoachBotMetrics metrics) : IStartupFilter
{
    private static readonly string[] Inbound = ["/slack/events", "/slack/commands", "/slack/interactions", TeamsEndpoints.Route];

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, following) =>
        {
            if (context.Request.Method == HttpMethods.Post && Array.IndexOf(Inbound, context.Request.Path.Value) is var i and >= 0)
            {
                var started = Stopwatch.GetTimestamp();
                context.Response.OnStarting(() =>
                {
                    // Only routes that are mapped: with a platform off its paths are plain 404s, not acks.
                    if (context.GetEndpoint() is not null)
                    {
                        metrics.Acked(Inbound[i], Stopwatch.GetElapsedTime(started));
                    }

                    return Task.CompletedTask;
                });
            }

            return following(context);
        });
        next(app);
    };
}
