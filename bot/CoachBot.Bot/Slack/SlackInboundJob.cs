using CoachBot.Platforms.Slack;
using Hangfire;

namespace CoachBot.Bot.Slack;

/// <summary>
/// The after-the-ack half of every Slack request: takes a recorded request by id, runs it through the core and sends
/// the answers. Claimed once, completed once, so Hangfire retries and sweeps never handle a request twice.
/// </summary>
public sealed class SlackInboundJob(SlackInboundStore store, IServiceProvider services, ILogger<SlackInboundJob> logger)
{
    public const string Event = "event";
    public const string Command = "command";
    public const string Action = "action";

    [AutomaticRetry(Attempts = 5)]
    public async Task RunAsync(long inboundId, CancellationToken cancellationToken)
    {
        if (await store.ClaimAsync(inboundId, cancellationToken) is not { } pending)
        {
            return;
        }

        string outcome;
        try
        {
            var payload = SlackJson.ParseObject(pending.Payload ?? "") ?? [];
            outcome = pending.Kind switch
            {
                Event => await services.GetRequiredService<SlackEventWork>().RunAsync(pending.TeamId, payload, cancellationToken),
                Command => await services.GetRequiredService<SlackCommandWork>().RunAsync(pending.TeamId, payload, cancellationToken),
                Action => await services.GetRequiredService<SlackActionWork>().RunAsync(pending.TeamId, payload, cancellationToken),
                _ => "unknown kind",
            };
        }
        catch (SlackApiException ex) when (ex.ErrorClass != SlackErrorClass.Retryable)
        {
            // Retrying cannot help (bad target, revoked token): record why and stop.
            SlackEndpointLog.PermanentFailure(logger, inboundId, pending.Kind, ex.Error);
            outcome = $"slack:{ex.Error}";
        }
        catch
        {
            await store.ReleaseAsync(inboundId, CancellationToken.None);
            throw;
        }

        await store.CompleteAsync(inboundId, outcome, CancellationToken.None);
    }
}
