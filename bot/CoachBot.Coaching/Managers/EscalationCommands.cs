using System.Text;
using CoachBot.Coaching.Escalations;
using CoachBot.Coaching.People;

namespace CoachBot.Coaching.Managers;

/// <summary>`escalations`, `ack`, `resolve`, `reassign`, `snooze`, `note`: the same code serves the card's buttons.</summary>
public sealed class EscalationCommands(
    ManagerAccess access, EscalationWorkflow workflow, EscalationStore store, ReportingLine reportingLine, PersonResolver resolver,
    PersonDirectory people, AuditLog audit, TimeProvider clock)
{
    public async Task<CommandResult> ListAsync(Person actor, EscalationFilter filter, CancellationToken cancellationToken)
    {
        EscalationScope scope = filter == EscalationFilter.Mine ? new EscalationScope.OwnedBy(actor.Id)
            : actor.Role == PersonRole.Admin ? new EscalationScope.Workspace(actor.WorkspaceId)
            : new EscalationScope.ManagerReach(actor.Id, await reportingLine.PeopleUnderAsync(actor.Id, cancellationToken));
        var list = await store.ListAsync(scope, includeResolved: filter == EscalationFilter.All, cancellationToken);
        if (list.Count == 0)
        {
            return CommandResult.Say(filter == EscalationFilter.All ? "No escalations yet." : "No open escalations. 🎉", detail: filter.ToString());
        }

        var now = clock.GetUtcNow();
        var text = new StringBuilder($"Escalations ({filter.ToString().ToLowerInvariant()}):");
        foreach (var e in list)
        {
            var rep = await people.GetAsync(e.RepId, cancellationToken);
            text.Append($"\n• {e.ShortId} · {rep?.DisplayName} · {e.Reason.Label()} · {e.Severity} · {e.State.ToDb()} · {EscalationCard.Age(now - e.CreatedAt)}");
        }

        return CommandResult.Say(text.ToString(), detail: filter.ToString());
    }

    public Task<CommandResult> AcknowledgeAsync(Person actor, long id, CancellationToken cancellationToken) =>
        ActAsync(actor, id, "ack", e => workflow.AcknowledgeAsync(actor, e, cancellationToken), cancellationToken);

    public Task<CommandResult> ResolveAsync(Person actor, long id, string? note, CancellationToken cancellationToken) =>
        ActAsync(actor, id, "resolve", e => workflow.ResolveAsync(actor, e, note, cancellationToken), cancellationToken);

    public Task<CommandResult> SnoozeAsync(Person actor, long id, TimeSpan duration, CancellationToken cancellationToken) =>
        ActAsync(actor, id, "snooze", e => workflow.SnoozeAsync(actor, e, duration, cancellationToken), cancellationToken);

    public Task<CommandResult> NoteAsync(Person actor, long id, string text, CancellationToken cancellationToken) =>
        ActAsync(actor, id, "note", e => workflow.NoteAsync(actor, e, text, cancellationToken), cancellationToken);

    public async Task<CommandResult> ReassignAsync(Person actor, long id, PersonRef to, CancellationToken cancellationToken)
    {
        var lookup = await resolver.ResolveAsync(actor.WorkspaceId, to, cancellationToken);
        if (lookup.Person is not { } target)
        {
            return CommandResult.Error($"{lookup.Problem} {ManagerUsage.For("reassign")}");
        }

        if (!target.IsManager)
        {
            return CommandResult.Error($"{target.DisplayName} is not a manager in CoachBot's roster. {ManagerUsage.For("reassign")}");
        }

        return await ActAsync(actor, id, "reassign", e => workflow.ReassignAsync(actor, e, target, cancellationToken), cancellationToken);
    }

    /// <summary>Checks access, runs the change, and notes that the manager has seen the rep's shared words (detail: "E-42 verb", read by `my data`).</summary>
    private async Task<CommandResult> ActAsync(Person actor, long id, string verb, Func<Escalation, Task<EscalationChange>> change, CancellationToken cancellationToken)
    {
        var found = await access.ForEscalationAsync(actor, id, verb, cancellationToken);
        if (found.Escalation is not { } escalation)
        {
            return found.Failure!;
        }

        var result = await change(escalation);
        if (escalation.SharedText is not null && result.Changed)
        {
            await audit.WriteAsync(actor.Id, AuditActions.SharedWordsSeen, escalation.RepId, $"{escalation.ShortId} {verb}", cancellationToken);
        }

        return CommandResult.Say(result.Reply, escalation.RepId, $"{escalation.ShortId}{(result.Changed ? "" : " unchanged")}");
    }
}
