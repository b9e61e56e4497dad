using CoachBot.Coaching.Escalations;
using CoachBot.Coaching.People;

namespace CoachBot.Coaching.Managers;

/// <summary>Loads what the authorization rules need and answers "may this manager touch this rep / escalation".</summary>
public sealed class ManagerAccess(PersonResolver resolver, ReportingLine reportingLine, EscalationStore escalations, PersonDirectory people)
{
    public sealed record RepAccess(Person? Rep, CommandResult? Failure);

    public sealed record EscalationAccess(Escalation? Escalation, CommandResult? Failure);

    public async Task<RepAccess> ForRepAsync(Person actor, PersonRef reference, string verb, CancellationToken cancellationToken)
    {
        var lookup = await resolver.ResolveAsync(actor.WorkspaceId, reference, cancellationToken);
        if (lookup.Person is not { } rep)
        {
            return new(null, CommandResult.Error($"{lookup.Problem} {ManagerUsage.For(verb)}"));
        }

        var decision = ManagerAuthorization.CanActOn(actor, rep, await reportingLine.ManagersAboveAsync(rep.Id, cancellationToken));
        return decision.Allowed ? new(rep, null) : new(null, CommandResult.Refuse(decision.Refusal!, rep.Id));
    }

    public async Task<EscalationAccess> ForEscalationAsync(Person actor, long escalationId, string verb, CancellationToken cancellationToken)
    {
        var escalation = await escalations.GetAsync(escalationId, cancellationToken);
        // Another workspace's escalation is answered exactly like a missing one.
        if (escalation is null || escalation.WorkspaceId != actor.WorkspaceId)
        {
            return new(null, CommandResult.Error($"There is no escalation {EscalationId.Format(escalationId)} here. {ManagerUsage.For(verb)}"));
        }

        var rep = (await people.GetAsync(escalation.RepId, cancellationToken))!;
        var chain = await reportingLine.ManagersAboveAsync(rep.Id, cancellationToken);
        var decision = ManagerAuthorization.CanActOn(actor, escalation, rep, chain);
        return decision.Allowed ? new(escalation, null) : new(null, CommandResult.Refuse(decision.Refusal!, rep.Id));
    }
}
