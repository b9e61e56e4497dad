using CoachBot.Coaching.Chat;
using CoachBot.Coaching.People;

namespace CoachBot.Coaching.Escalations;

/// <summary>
/// State changes made by managers (authorization is checked by the caller). Each is one conditional UPDATE;
/// only the caller that changed the row updates the card and tells the rep, so replays and races send one message.
/// </summary>
public sealed class EscalationWorkflow(
    EscalationStore store, PersonDirectory people, EscalationNotifier notifier, EscalationDeadlinePlanner planner, AuditLog audit, TimeProvider clock)
{
    // Said instead of "The rep has been told" when their chat could not be reached (never installed, blocked …).
    private const string RepNotReached = "I couldn't reach the rep in chat, so please tell them yourself.";

    public async Task<EscalationChange> AcknowledgeAsync(Person actor, Escalation current, CancellationToken cancellationToken)
    {
        var changed = await store.AcknowledgeAsync(current.Id, actor.Id, clock.GetUtcNow(), cancellationToken);
        if (changed is null)
        {
            return await UnchangedAsync(current.Id, cancellationToken);
        }

        planner.Cancel(current);
        await AfterChangeAsync(actor, changed, AuditActions.EscalationAcknowledged, null, cancellationToken);
        var told = await notifier.SendDirectAsync(changed, changed.RepId, RepUpdates.Acknowledged(changed, actor), cancellationToken);
        return new(true, changed, $"{changed.ShortId} acknowledged. {(told ? "The rep has been told." : RepNotReached)}");
    }

    public async Task<EscalationChange> ResolveAsync(Person actor, Escalation current, string? note, CancellationToken cancellationToken)
    {
        var changed = await store.ResolveAsync(current.Id, actor.Id, note, clock.GetUtcNow(), cancellationToken);
        if (changed is null)
        {
            return await UnchangedAsync(current.Id, cancellationToken);
        }

        planner.Cancel(current);
        await AfterChangeAsync(actor, changed, AuditActions.EscalationResolved, note is null ? null : "with a note", cancellationToken);
        var told = await notifier.SendDirectAsync(changed, changed.RepId, RepUpdates.Resolved(changed, actor), cancellationToken);
        return new(true, changed, told
            ? $"{changed.ShortId} resolved. The rep has been told{(changed.ResolutionNote is null ? "" : ", with your note")}."
            : $"{changed.ShortId} resolved. {RepNotReached}");
    }

    public async Task<EscalationChange> ReassignAsync(Person actor, Escalation current, Person newOwner, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var changed = await store.ReassignAsync(current.Id, newOwner.Id, now, cancellationToken);
        if (changed is null)
        {
            var latest = (await store.GetAsync(current.Id, cancellationToken))!;
            return new(false, latest, latest.IsClosed
                ? $"{latest.ShortId} is already resolved; nothing to reassign."
                : $"{latest.ShortId} is already with {newOwner.DisplayName}.");
        }

        if (changed.State == EscalationState.Open)
        {
            // The new owner gets a fresh deadline in their own working hours.
            planner.Cancel(changed);
            changed = await planner.ScheduleAsync(changed, now, cancellationToken);
        }

        await AfterChangeAsync(actor, changed, AuditActions.EscalationReassigned, $"to person {newOwner.Id}", cancellationToken);
        await notifier.SendDirectAsync(changed, changed.RepId, RepUpdates.Reassigned(changed, newOwner.DisplayName), cancellationToken);
        await notifier.SendDirectAsync(changed, newOwner.Id,
            CoachMessage.Plain($"{actor.DisplayName} passed escalation {changed.ShortId} to you. It's in the managers' channel."), cancellationToken);
        return new(true, changed, $"{changed.ShortId} reassigned to {newOwner.DisplayName}.");
    }

    public async Task<EscalationChange> SnoozeAsync(Person actor, Escalation current, TimeSpan duration, CancellationToken cancellationToken)
    {
        var until = clock.GetUtcNow() + duration;
        var changed = await store.SnoozeAsync(current.Id, until, cancellationToken);
        if (changed is null)
        {
            return await UnchangedAsync(current.Id, cancellationToken);
        }

        await AfterChangeAsync(actor, changed, AuditActions.EscalationSnoozed, $"until {until:yyyy-MM-dd HH:mm}Z", cancellationToken);
        return new(true, changed, $"{changed.ShortId} snoozed until {until:yyyy-MM-dd HH:mm} UTC; reminders wait until then.");
    }

    public async Task<EscalationChange> NoteAsync(Person actor, Escalation current, string text, CancellationToken cancellationToken)
    {
        await store.AddNoteAsync(current.Id, actor.Id, text, clock.GetUtcNow(), cancellationToken);
        var latest = (await store.GetAsync(current.Id, cancellationToken))!;
        await AfterChangeAsync(actor, latest, AuditActions.EscalationNoted, null, cancellationToken);
        return new(true, latest, $"Note added to {latest.ShortId}. Notes are for managers only.");
    }

    private async Task AfterChangeAsync(Person actor, Escalation changed, string action, string? detail, CancellationToken cancellationToken)
    {
        await audit.WriteAsync(actor.Id, action, changed.RepId, detail is null ? changed.ShortId : $"{changed.ShortId} {detail}", cancellationToken);
        await notifier.RefreshCardAsync(changed, cancellationToken);
    }

    private async Task<EscalationChange> UnchangedAsync(long id, CancellationToken cancellationToken)
    {
        var latest = (await store.GetAsync(id, cancellationToken))!;
        var by = latest.State switch
        {
            EscalationState.Acknowledged when latest.AcknowledgedBy is { } a => await people.GetAsync(a, cancellationToken),
            EscalationState.Resolved when latest.ResolvedBy is { } r => await people.GetAsync(r, cancellationToken),
            _ => null,
        };
        var state = latest.State.ToString().ToLowerInvariant();
        return new(false, latest, by is null ? $"{latest.ShortId} is already {state}." : $"{latest.ShortId} is already {state} (by {by.DisplayName}).");
    }
}
