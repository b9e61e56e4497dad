using System.Globalization;
using System.Text;
using CoachBot.Coaching.Chat;
using CoachBot.Coaching.People;
using Dapper;
using Npgsql;

namespace CoachBot.Coaching.Managers;

/// <summary>`unreachable` (who CoachBot cannot message, why, and what to do) and `install teams` (queue the Graph install). Admins only.</summary>
public sealed class ReachCommands(IAppInstallQueue installs, PersonReach reach, NpgsqlDataSource dataSource)
{
    private const int Shown = 50;

    public async Task<CommandResult> UnreachableAsync(Person actor, CancellationToken cancellationToken)
    {
        if (ManagerAuthorization.CanAdminister(actor) is { Allowed: false })
        {
            return CommandResult.Refuse("Only CoachBot admins can list unreachable people. Your reps' managers hear about theirs directly.");
        }

        var everyone = await reach.ListAsync(Shown + 1, cancellationToken);
        var lost = everyone.Where(p => p.ReachableOn is null).ToList();
        var elsewhere = everyone.Where(p => p.ReachableOn is not null).ToList();
        if (lost.Count == 0 && elsewhere.Count == 0)
        {
            return CommandResult.Say("CoachBot can reach everyone it knows: nobody is marked unreachable.", detail: "0");
        }

        var text = new StringBuilder(lost.Count == 0
            ? "CoachBot can reach everyone it knows on at least one platform."
            : $"People CoachBot cannot reach ({(everyone.Count > Shown ? $"first {Shown}" : lost.Count)}):");
        foreach (var person in lost.Take(Shown))
        {
            var manager = person.Manager is null ? "no manager" : $"manager {UserText.Of(person.Manager)}";
            var platforms = string.Join(" and ", person.Losses.Select(l => l.PlatformName));
            text.Append($"\n• {UserText.Of(person.Name)} ({platforms}, {manager}): {ReachAdvice.Describe(person.Losses)}");
        }

        if (elsewhere.Count > 0)
        {
            text.Append($"\nReachable on another platform, so not lost ({elsewhere.Count}):");
            foreach (var person in elsewhere)
            {
                var on = string.Join(" and ", person.Losses.Select(l => l.PlatformName));
                text.Append($"\n• {UserText.Of(person.Name)}: reachable on {ReachLoss.PlatformNameOf(person.ReachableOn!)}, not on {on}. {ReachAdvice.Describe(person.Losses)}");
            }
        }

        return CommandResult.Say(text.ToString(), detail: lost.Count.ToString(CultureInfo.InvariantCulture));
    }

    public async Task<CommandResult> InstallTeamsAsync(Person actor, CancellationToken cancellationToken)
    {
        if (ManagerAuthorization.CanAdminister(actor) is { Allowed: false })
        {
            return CommandResult.Refuse("Only CoachBot admins can install the Teams app for people. Ask an admin to run `install teams`.");
        }

        if (installs.NotReady is { } notReady)
        {
            return CommandResult.Say(notReady, detail: "not-configured");
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var (unreachable, rosterOnly) = await connection.QuerySingleAsync<(long, long)>(new CommandDefinition("""
            select (select count(*) from person p join workspace w on w.id = p.workspace_id
                    where w.platform = 'teams' and w.disabled_at is null and not p.reachable),
                   (select count(*) from roster_entry r join workspace w on w.id = r.workspace_id
                    where w.platform = 'teams' and w.disabled_at is null
                      and not exists (select 1 from person p where p.workspace_id = r.workspace_id and lower(p.email) = r.email))
            """, cancellationToken: cancellationToken));
        installs.Queue(actor.Id);
        var roster = rosterOnly == 0 ? "" : $", {rosterOnly} in the roster who never talked to me";
        return CommandResult.Say(
            $"I've queued installing CoachBot's Teams app through Microsoft Graph for every Teams rep I cannot reach yet ({unreachable} marked unreachable now{roster}, " +
            "plus anyone I have never messaged). It runs in small batches within Graph's limits, and I'll message you the outcome when it finishes.",
            detail: "queued");
    }
}
