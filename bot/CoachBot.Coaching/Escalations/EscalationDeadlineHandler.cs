using CoachBot.Coaching.Chat;
using CoachBot.Coaching.People;
using Microsoft.Extensions.Logging;

namespace CoachBot.Coaching.Escalations;

/// <summary>
/// What a deadline job does. It re-reads the escalation first, so an acknowledged or resolved one is left alone,
/// and claims each stage with a conditional UPDATE, so a replayed job sends nothing twice.
/// </summary>
public sealed class EscalationDeadlineHandler(
    EscalationStore store, PersonDirectory people, EscalationNotifier notifier, EscalationDeadlinePlanner planner, AuditLog audit,
    TimeProvider clock, ILogger<EscalationDeadlineHandler> logger)
{
    public async Task RunAsync(long escalationId, EscalationStage stage, CancellationToken cancellationToken)
    {
        var escalation = await store.GetAsync(escalationId, cancellationToken);
        if (escalation is not { State: EscalationState.Open })
        {
            return;
        }

        var now = clock.GetUtcNow();
        if (escalation.SnoozedUntil is { } until && until > now)
        {
            await planner.RescheduleAsync(escalation, stage, until, cancellationToken);
            return;
        }

        if (escalation.ChannelMessageId is null)
        {
            escalation = await notifier.PostCardAsync(escalation, cancellationToken);
        }

        Log.DeadlineReached(logger, escalation.ShortId, stage);
        await (stage == EscalationStage.Reminder ? RemindAsync(escalation, now, cancellationToken) : SkipLevelAsync(escalation, now, cancellationToken));
    }

    private async Task RemindAsync(Escalation escalation, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var claimed = await store.ClaimReminderAsync(escalation.Id, now, cancellationToken);
        if (claimed is null)
        {
            return;
        }

        var rep = await people.GetAsync(claimed.RepId, cancellationToken);
        var age = EscalationCard.Age(now - claimed.CreatedAt);
        await notifier.PostInThreadAsync(claimed, $"Reminder: {claimed.ShortId} for {rep?.DisplayName} is not acknowledged yet ({age} old).", cancellationToken);
        if (claimed.OwnerId is { } owner)
        {
            await notifier.SendDirectAsync(claimed, owner, CoachMessage.Plain(
                $"Reminder: escalation {claimed.ShortId} from {rep?.DisplayName} is waiting for you ({age} old). Acknowledge it in the managers' channel or with `/coach ack {claimed.ShortId}`."),
                cancellationToken);
        }

        await audit.WriteAsync(null, AuditActions.EscalationReminded, claimed.RepId, claimed.ShortId, cancellationToken);
        await notifier.RefreshCardAsync(claimed, cancellationToken);
    }

    private async Task SkipLevelAsync(Escalation escalation, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var owner = escalation.OwnerId is { } ownerId ? await people.GetAsync(ownerId, cancellationToken) : null;
        var skipLevel = owner?.ManagerId;
        var claimed = await store.ClaimSkipLevelAsync(escalation.Id, skipLevel, now, cancellationToken);
        if (claimed is null)
        {
            return;
        }

        var rep = await people.GetAsync(claimed.RepId, cancellationToken);
        var age = EscalationCard.Age(now - claimed.CreatedAt);
        if (skipLevel is { } boss)
        {
            var bossName = (await people.GetAsync(boss, cancellationToken))?.DisplayName;
            await notifier.PostInThreadAsync(claimed, $"{claimed.ShortId} is still not acknowledged after {age}; sent to {bossName} (skip-level).", cancellationToken);
            // Only the summary goes by DM; the rep's words stay in the managers' channel.
            await notifier.SendDirectAsync(claimed, boss, CoachMessage.Plain(
                $"Escalation {claimed.ShortId} from {rep?.DisplayName} has waited {age} for {owner?.DisplayName ?? "their manager"}. It's in the managers' channel: `/coach ack {claimed.ShortId}` or `/coach reassign {claimed.ShortId} @person`."),
                cancellationToken);
        }
        else
        {
            await notifier.PostInThreadAsync(claimed, $"{claimed.ShortId} is still not acknowledged after {age}, and there is no skip-level manager on record.", cancellationToken);
        }

        await audit.WriteAsync(null, AuditActions.EscalationSkipLevel, claimed.RepId, $"{claimed.ShortId} to person {skipLevel}", cancellationToken);
        await notifier.RefreshCardAsync(claimed, cancellationToken);
    }
}
