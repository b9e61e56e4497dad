using Microsoft.Extensions.Logging;

namespace CoachBot.Coaching.Escalations;

/// <summary>
/// Finishes escalations whose raise was cut short between saving the row and posting its card or scheduling its
/// deadlines (a crash, a chat outage). A replayed raise finds the row by its idempotency key and stops there, so
/// without this such an escalation could sit open with no card in the managers' channel and no reminder, ever.
/// </summary>
public sealed class EscalationRepair(
    EscalationStore store, EscalationNotifier notifier, EscalationDeadlinePlanner planner, TimeProvider clock, ILogger<EscalationRepair> logger)
{
    /// <summary>Long enough that a raise still in progress (its card post may retry for a minute) is never raced.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(5);

    /// <summary>A missing card is retried for a day; after that the channel is clearly misconfigured and logging suffices.</summary>
    public static readonly TimeSpan CardRetryWindow = TimeSpan.FromDays(1);

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var ids = await store.FindUnfinishedAsync(now - Grace, now - CardRetryWindow, cancellationToken);
        foreach (var id in ids)
        {
            if (await store.GetAsync(id, cancellationToken) is not { State: EscalationState.Open } escalation)
            {
                continue;
            }

            if (escalation.ChannelMessageId is null)
            {
                escalation = await notifier.PostCardAsync(escalation, cancellationToken);
            }

            if (escalation.ReminderJobId is null)
            {
                // From when it was raised: a deadline already past fires at once.
                await planner.ScheduleAsync(escalation, escalation.CreatedAt, cancellationToken);
            }

            Log.Repaired(logger, escalation.ShortId);
        }

        return ids.Count;
    }
}
