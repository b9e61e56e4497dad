using System.Globalization;
using System.Text;
using CoachBot.Coaching.Chat;
using CoachBot.Coaching.Managers;
using CoachBot.Coaching.People;
using Dapper;
using Npgsql;

namespace CoachBot.Coaching.Crm;

/// <summary>
/// `crm connect|status|unmatched|sync|disconnect` (admins only). Connecting reads the CRM's owners first, so wrong
/// credentials are reported before anything is stored; matching is by email only and the misses are listed, never guessed.
/// </summary>
public sealed class CrmCommands(
    IEnumerable<ICrmConnector> connectors, CrmConnections connections, CrmStore store, ICrmSyncSchedule schedule, NpgsqlDataSource dataSource)
{
    private const int Shown = 50;

    public Task<CommandResult> RunAsync(Person actor, CrmCommand command, CancellationToken cancellationToken)
    {
        if (ManagerAuthorization.CanAdminister(actor) is { Allowed: false })
        {
            return Task.FromResult(CommandResult.Refuse("Only CoachBot admins can manage the CRM connection."));
        }

        return command.Action switch
        {
            CrmAction.Connect => ConnectAsync(actor, command.Kind!.Value, cancellationToken),
            CrmAction.Status => StatusAsync(actor, cancellationToken),
            CrmAction.Unmatched => UnmatchedAsync(actor, cancellationToken),
            CrmAction.Sync => SyncAsync(actor, cancellationToken),
            _ => DisconnectAsync(actor, command.Kind!.Value, cancellationToken),
        };
    }

    private async Task<CommandResult> ConnectAsync(Person actor, CrmKind kind, CancellationToken cancellationToken)
    {
        var name = CrmCommandParser.Name(kind);
        var connector = connectors.LastOrDefault(c => c.Kind == kind);
        if (connector?.NotConfiguredReason is { } reason || connector is null)
        {
            reason = connector?.NotConfiguredReason ?? $"{name} is not set up on this CoachBot.";
            return CommandResult.Error($"{reason} docs/crm-setup.md says how. Nothing was connected.");
        }

        if (schedule.NotReady is { } notReady)
        {
            return CommandResult.Error($"{notReady} Nothing was connected.");
        }

        // Read the owners before writing anything: a refused token leaves no half-made connection behind.
        var existing = await connections.FindAsync(actor.WorkspaceId, kind, cancellationToken);
        var trial = existing is { } id ? await connections.GetAsync(id, cancellationToken) : null;
        IReadOnlyList<CrmOwner> owners;
        try
        {
            owners = await connector.OwnersAsync(trial?.Connection ?? new CrmConnection(0, actor.WorkspaceId, kind, null, null), cancellationToken);
        }
        catch (CrmException ex)
        {
            return CommandResult.Error($"I could not read {name}'s users with these credentials: {ex.Message} Nothing was connected.");
        }

        var connectionId = await connections.ConnectAsync(actor.WorkspaceId, kind, actor.Id, cancellationToken);
        var matched = await store.SaveOwnersAsync(new CrmConnection(connectionId, actor.WorkspaceId, kind, null, null), owners, cancellationToken);
        schedule.Schedule(connectionId);
        schedule.RunNow(connectionId);
        return CommandResult.Say(
            $"Connected {name}: {owners.Count} {name} users, {matched} matched to people here by email. " +
            "The first full sync has started; `crm status` shows how it goes and `crm unmatched` lists who did not match.",
            detail: $"connect {CrmConnections.DbKind(kind)} {matched}/{owners.Count}");
    }

    private async Task<CommandResult> StatusAsync(Person actor, CancellationToken cancellationToken)
    {
        var rows = await StatusRowsAsync(actor.WorkspaceId, cancellationToken);
        if (rows.Count == 0)
        {
            return CommandResult.Say("No CRM is connected. Connect one with `crm connect hubspot` or `crm connect salesforce` (docs/crm-setup.md).", detail: "status none");
        }

        var text = new StringBuilder("CRM connections:");
        foreach (var row in rows)
        {
            var kind = Enum.Parse<CrmKind>(row.Kind, ignoreCase: true);
            var synced = row.LastSyncAt is { } at ? $"last sync {at.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC" : "not synced yet";
            var loading = row.Loading ? ", first full load in progress" : "";
            text.Append(CultureInfo.InvariantCulture,
                $"\n• {CrmCommandParser.Name(kind)} ({row.Status}): {synced}{loading}; {Plural(row.Deals, "deal")} ({row.OpenDeals:N0} open), {Plural(row.Activities, "activity", "activities")}; " +
                $"{Plural(row.Matched, "CRM user")} matched to people, {row.Unmatched:N0} not (`crm unmatched`).");
            if (row.LastError is { } error)
            {
                text.Append($"\n  Last problem: {error}");
            }
        }

        return CommandResult.Say(text.ToString(), detail: "status");
    }

    private async Task<CommandResult> UnmatchedAsync(Person actor, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        if (await connection.ExecuteScalarAsync<long>(new CommandDefinition("select count(*) from crm_connection where workspace_id = @workspaceId",
                new { workspaceId = actor.WorkspaceId }, cancellationToken: cancellationToken)) == 0)
        {
            return CommandResult.Say("No CRM is connected, so there is nobody to match. Connect one with `crm connect hubspot`.", detail: "unmatched none");
        }

        var reps = (await connection.QueryAsync<(string Name, string? Email)>(new CommandDefinition("""
            select p.display_name, p.email from person p
            where p.workspace_id = @workspaceId and p.role = 'rep'
              and not exists (select 1 from crm_owner o join crm_connection c on c.id = o.connection_id
                              where c.workspace_id = @workspaceId and o.person_id = p.id)
            order by p.display_name, p.id limit @limit
            """, new { workspaceId = actor.WorkspaceId, limit = Shown + 1 }, cancellationToken: cancellationToken))).ToList();
        var owners = (await connection.QueryAsync<(string Kind, string? Name, string? Email, bool Excluded, long SameEmail)>(new CommandDefinition("""
            select c.kind, o.name, o.email, o.excluded,
                   (select count(*) from person p where p.workspace_id = @workspaceId and lower(p.email) = o.email) as same_email
            from crm_owner o join crm_connection c on c.id = o.connection_id
            where c.workspace_id = @workspaceId and o.person_id is null
            order by c.kind, o.name, o.external_id limit @limit
            """, new { workspaceId = actor.WorkspaceId, limit = Shown + 1 }, cancellationToken: cancellationToken))).ToList();

        var text = new StringBuilder();
        text.Append(reps.Count == 0 ? "Every rep matched a CRM user by email." : $"Reps with no CRM user of the same email ({Count(reps.Count)}):");
        foreach (var rep in reps.Take(Shown))
        {
            text.Append($"\n• {UserText.Of(rep.Name)} ({(rep.Email is null ? "no email known" : UserText.Of(rep.Email))})");
        }

        text.Append(owners.Count == 0 ? "\nEvery CRM user matched a person here." : $"\nCRM users matched to nobody here ({Count(owners.Count)}):");
        foreach (var owner in owners.Take(Shown))
        {
            var why = owner switch
            {
                { Excluded: true } => "their data was deleted at their request, so they stay unmatched",
                { Email: null } => "no email in the CRM",
                { SameEmail: 0 } => "nobody here has that email",
                _ => $"{owner.SameEmail} people here share that email, so I don't guess",
            };
            var kind = CrmCommandParser.Name(Enum.Parse<CrmKind>(owner.Kind, ignoreCase: true));
            text.Append($"\n• {UserText.Of(owner.Name ?? "(no name)")} ({(owner.Email is null ? "no email" : UserText.Of(owner.Email))}) in {kind}: {why}");
        }

        text.Append("\nMatching is by email only: make the email the same in both places and the next sync matches them.");
        return CommandResult.Say(text.ToString(), detail: $"unmatched {reps.Count}/{owners.Count}");
    }

    private async Task<CommandResult> SyncAsync(Person actor, CancellationToken cancellationToken)
    {
        var rows = await StatusRowsAsync(actor.WorkspaceId, cancellationToken);
        if (rows.Count == 0)
        {
            return CommandResult.Error("No CRM is connected. Connect one with `crm connect hubspot` or `crm connect salesforce`.");
        }

        if (schedule.NotReady is { } notReady)
        {
            return CommandResult.Error(notReady);
        }

        var lines = new List<string>();
        foreach (var row in rows)
        {
            var name = CrmCommandParser.Name(Enum.Parse<CrmKind>(row.Kind, ignoreCase: true));
            if (row.Status == "active")
            {
                schedule.RunNow(row.Id);
                lines.Add($"{name}: syncing now; `crm status` shows when it is done.");
            }
            else
            {
                lines.Add($"{name} is {row.Status}: {row.LastError ?? "it does not sync"} Fix it, then run `crm connect {row.Kind}` again.");
            }
        }

        return CommandResult.Say(string.Join("\n", lines), detail: "sync");
    }

    private async Task<CommandResult> DisconnectAsync(Person actor, CrmKind kind, CancellationToken cancellationToken)
    {
        var name = CrmCommandParser.Name(kind);
        if (await connections.DisconnectAsync(actor.WorkspaceId, kind, cancellationToken) is not { } id)
        {
            var rows = await StatusRowsAsync(actor.WorkspaceId, cancellationToken);
            var connected = rows.Count == 0 ? "none" : string.Join(", ", rows.Select(r => r.Kind));
            return CommandResult.Error($"There is no {name} connection to remove (connected: {connected}). {ManagerUsage.For(CrmCommandParser.Verb)}");
        }

        schedule.Unschedule(id);
        return CommandResult.Say($"Disconnected {name}: CoachBot deleted every owner, deal and activity it had read from it. Nothing was changed in {name}.",
            detail: $"disconnect {CrmConnections.DbKind(kind)}");
    }

    private async Task<IReadOnlyList<StatusRow>> StatusRowsAsync(long workspaceId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return [.. await connection.QueryAsync<StatusRow>(new CommandDefinition("""
            select c.id as Id, c.kind as Kind, c.status as Status, c.last_sync_at as LastSyncAt, c.last_error as LastError,
                   (select count(*) from crm_deal d where d.connection_id = c.id) as Deals,
                   (select count(*) from crm_deal d where d.connection_id = c.id and d.status = 'open') as OpenDeals,
                   (select count(*) from crm_activity a where a.connection_id = c.id) as Activities,
                   (select count(*) from crm_owner o where o.connection_id = c.id and o.person_id is not null) as Matched,
                   (select count(*) from crm_owner o where o.connection_id = c.id and o.person_id is null) as Unmatched,
                   coalesce((select s.modified_since is null from crm_sync_state s where s.connection_id = c.id and s.object = 'deals'), true) as Loading
            from crm_connection c where c.workspace_id = @workspaceId order by c.kind
            """, new { workspaceId }, cancellationToken: cancellationToken))];
    }

    private static string Count(int count) => count > Shown ? $"first {Shown}" : count.ToString(CultureInfo.InvariantCulture);

    private sealed record StatusRow(long Id, string Kind, string Status, DateTime? LastSyncAt, string? LastError, long Deals, long OpenDeals, long Activities,
        long Matched, long Unmatched, bool Loading);

    private static string Plural(long count, string one, string? many = null) =>
        string.Create(CultureInfo.InvariantCulture, $"{count:N0} {(count == 1 ? one : many ?? one + "s")}");
}
