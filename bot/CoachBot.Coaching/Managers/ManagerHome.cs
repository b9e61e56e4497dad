using CoachBot.Coaching.Chat;
using CoachBot.Coaching.Escalations;
using CoachBot.Coaching.People;

namespace CoachBot.Coaching.Managers;

/// <summary>The managers' part of the home view: escalations waiting on them. Empty for anyone who is not a manager.</summary>
public sealed class ManagerHome(PersonDirectory people, EscalationStore escalations, ReportingLine reportingLine, TimeProvider clock)
{
    private const int Shown = 5;

    public async Task<IReadOnlyList<MessageBlock>> GetBlocksAsync(Sender from, CancellationToken cancellationToken)
    {
        var actor = await people.FindAsync(from.Key, cancellationToken);
        if (actor is not { IsManager: true })
        {
            return [];
        }

        var team = (await reportingLine.PeopleUnderAsync(actor.Id, cancellationToken)).ToArray();
        var open = await escalations.ListAsync(new EscalationScope.ManagerReach(actor.Id, team), includeResolved: false, cancellationToken);
        var blocks = new List<MessageBlock> { new DividerBlock(), new HeaderBlock("Escalations for you") };
        if (open.Count == 0)
        {
            blocks.Add(new ContextBlock("Nothing open. `/coach brief` gives you this week's brief per rep."));
            return blocks;
        }

        var now = clock.GetUtcNow();
        foreach (var e in open.Take(Shown))
        {
            var rep = await people.GetAsync(e.RepId, cancellationToken);
            blocks.Add(new SectionBlock($"{e.ShortId} · {rep?.DisplayName} · {e.Reason.Label()} · {e.State.ToDb()} · {EscalationCard.Age(now - e.CreatedAt)}"));
        }

        blocks.Add(new ContextBlock(open.Count > Shown ? $"{open.Count - Shown} more: `/coach escalations`" : "Act on them in the managers' channel or with `/coach ack E-…`."));
        return blocks;
    }
}
