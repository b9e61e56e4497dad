using System.Text;
using CoachBot.Coaching.Chat;
using CoachBot.Coaching.People;
using Dapper;
using Npgsql;

namespace CoachBot.Coaching.Managers;

/// <summary>`unreachable` (who CoachBot cannot message, why, and what to do) and `install teams` (queue the Graph install). Admins only.</summary>
public sealed class ReachCommands(IAppInstallQueue installs, NpgsqlDataSource dataSource)
{
    private const int Shown = 50;

    public async Task<CommandResult> UnreachableAsync(Person actor, CancellationToken cancellationToken)
    {
        if (ManagerAuthorization.CanAdminister(actor) is { Allowed: false })
        {
            return CommandResult.Refuse("Only CoachBot admins can list unreachable people. Your reps' managers hear about theirs directly.");
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = (await connection.QueryAsync<Row>(new CommandDefinition("""
            select p.display_name as Name, w.platform as Platform, p.unreachable_reason as Reason, m.display_name as Manager
            from person p join workspace w on w.id = p.workspace_id left join person m on m.id = p.manager_id
            where not p.reachable and w.disabled_at is null
            order by w.platform, p.display_name, p.id limit @limit
            """, new { limit = Shown + 1 }, cancellationToken: cancellationToken))).ToList();
        if (rows.Count == 0)
        {
            return CommandResult.Say("CoachBot can reach everyone it knows: nobody is marked unreachable.", detail: "0");
        }

        var text = new StringBuilder($"People CoachBot cannot reach ({(rows.Count > Shown ? $"first {Shown}" : rows.Count)}):");
        foreach (var row in rows.Take(Shown))
        {
            var (why, fix) = ReachAdvice.For(row.Reason);
            var manager = row.Manager is null ? "no manager" : $"manager {UserText.Of(row.Manager)}";
            text.Append($"\n• {UserText.Of(row.Name)} ({Platform(row.Platform)}, {manager}): {why} {fix}");
        }

        return CommandResult.Say(text.ToString(), detail: rows.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
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
        var unreachable = await connection.ExecuteScalarAsync<long>(new CommandDefinition("""
            select count(*) from person p join workspace w on w.id = p.workspace_id
            where w.platform = 'teams' and w.disabled_at is null and not p.reachable
            """, cancellationToken: cancellationToken));
        installs.Queue(actor.Id);
        return CommandResult.Say(
            $"I've queued installing CoachBot's Teams app through Microsoft Graph for every Teams rep I cannot reach yet ({unreachable} marked unreachable now, " +
            "plus anyone I have never messaged). It runs in small batches within Graph's limits, and I'll message you the outcome when it finishes.",
            detail: "queued");
    }

    private static string Platform(string platform) => platform == "teams" ? "Teams" : "Slack";

    private sealed record Row(string Name, string Platform, string? Reason, string? Manager);
}
