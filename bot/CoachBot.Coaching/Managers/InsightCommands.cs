using CoachBot.Coaching.Chat;
using CoachBot.Coaching.People;

namespace CoachBot.Coaching.Managers;

/// <summary>`brief [@person]` and `stats`.</summary>
public sealed class InsightCommands(ManagerAccess access, ReportingLine reportingLine, BriefService briefs, StatsQuery stats)
{
    private const int MaxBriefs = 20;

    public async Task<CommandResult> BriefAsync(Person actor, PersonRef? who, CancellationToken cancellationToken)
    {
        if (who is not null)
        {
            var found = await access.ForRepAsync(actor, who, "brief", cancellationToken);
            if (found.Rep is not { } rep)
            {
                return found.Failure!;
            }

            // An admin may read any brief, but deal data only reaches the rep's own manager chain.
            var inChain = (await reportingLine.ManagersAboveAsync(rep.Id, cancellationToken)).Contains(actor.Id);
            var brief = await briefs.ForRepAsync(rep.Id, inChain, cancellationToken);
            return new CommandResult(new InboxReply([brief!]), rep.Id);
        }

        var team = await ScopeAsync(actor, cancellationToken);
        var chain = (await reportingLine.PeopleUnderAsync(actor.Id, cancellationToken)).ToHashSet();
        var messages = await briefs.ForPeopleAsync(team.Take(MaxBriefs), chain, cancellationToken);
        return messages.Count == 0
            ? CommandResult.Say("You have no reps in CoachBot's roster yet.")
            : new CommandResult(new InboxReply(messages), Detail: $"{messages.Count} briefs");
    }

    public async Task<CommandResult> StatsAsync(Person actor, CancellationToken cancellationToken)
    {
        var s = await stats.ForAsync(await ScopeAsync(actor, cancellationToken), cancellationToken);
        var median = s.MedianTimeToAck is { } m ? Escalations.EscalationCard.Age(m) : "n/a";
        return CommandResult.Say($"Reps: {s.Reps} · Escalations: {s.Open} open, {s.Acknowledged} acknowledged, {s.Resolved} resolved · Median time to acknowledge: {median}");
    }

    private async Task<long[]> ScopeAsync(Person actor, CancellationToken cancellationToken) => actor.Role == PersonRole.Admin
        ? (await reportingLine.EveryoneInAsync(actor.WorkspaceId, actor.Id, cancellationToken)).ToArray()
        : (await reportingLine.PeopleUnderAsync(actor.Id, cancellationToken)).ToArray();
}
