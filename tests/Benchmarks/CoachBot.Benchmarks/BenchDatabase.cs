using CoachBot.Coaching.Data;
using CoachBot.Platforms.Slack;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace CoachBot.Benchmarks;

/// <summary>A throwaway benchmark_* database on the private cluster: create, migrate, seed everyone due now, count, drop.</summary>
internal sealed class BenchDatabase(string server, string name) : IAsyncDisposable
{
    private NpgsqlDataSource? _dataSource;

    public string ConnectionString { get; } = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;

    public NpgsqlDataSource DataSource => _dataSource ??= NpgsqlDataSource.Create(ConnectionString);

    public async Task CreateAsync()
    {
        await using (var admin = NpgsqlDataSource.Create(server))
        {
            await admin.CreateCommand($"create database {name}").ExecuteNonQueryAsync();
        }

        new DatabaseMigrator(NullLogger<DatabaseMigrator>.Instance).Migrate(ConnectionString);
    }

    public async Task SeedAsync(Scenario scenario, string teamsServiceUrl, SlackTokenCipher cipher)
    {
        await using var command = DataSource.CreateCommand("""
            with ws as (
                insert into workspace (platform, external_id)
                select case when g <= $1 then 'slack' else 'teams' end,
                       case when g <= $1 then 'T' || lpad(g::text, 8, '0') else 'tenant-' || lpad(g::text, 8, '0') end
                from generate_series(1, $1 + $2) g
                returning id),
            people as (
                insert into person (workspace_id, platform_user_id, display_name, time_zone)
                select ws.id, 'U' || lpad(n::text, 7, '0'), 'Rep ' || n, 'UTC' from ws, generate_series(1, $3) n
                returning id, workspace_id),
            profiles as (insert into rep_profile (person_id, race) select id, 'sprint' from people)
            insert into rep_schedule (person_id, workspace_id, next_due_at, working_days)
            select id, workspace_id, now() - interval '1 second', '{1,2,3,4,5,6,7}' from people
            """);
        command.Parameters.AddWithValue(scenario.SlackWorkspaces);
        command.Parameters.AddWithValue(scenario.TeamsTenants);
        command.Parameters.AddWithValue(scenario.RepsPerWorkspace);
        command.CommandTimeout = 600;
        await command.ExecuteNonQueryAsync();
        await SeedSlackInstallationsAsync(scenario, cipher);
        await SeedTeamsConversationsAsync(teamsServiceUrl);
        await DataSource.CreateCommand("analyze").ExecuteNonQueryAsync();
    }

    // What SlackWebClient reads a workspace's token from: an OAuth installation row, sealed with the product's cipher.
    private async Task SeedSlackInstallationsAsync(Scenario scenario, SlackTokenCipher cipher)
    {
        var teams = Enumerable.Range(1, scenario.SlackWorkspaces).Select(g => $"T{g:D8}").ToArray();
        await using var command = DataSource.CreateCommand("""
            insert into slack_installation (team_id, team_name, bot_user_id, bot_id, scopes, token_ciphertext)
            select team, 'Benchmark ' || team, 'UBENCHBOT', 'BBENCHBOT', 'chat:write,im:write,im:history', sealed
            from unnest($1::text[], $2::text[]) as t(team, sealed)
            """);
        command.Parameters.AddWithValue(teams);
        command.Parameters.AddWithValue(teams.Select(t => cipher.Seal(t, BenchCredentials.SlackToken(t))).ToArray());
        await command.ExecuteNonQueryAsync();
    }

    // What TeamsMessenger reads before sending: each rep's personal conversation reference (as stored when the rep
    // first wrote to the bot), on the fake's service URL, so no conversation has to be created.
    private async Task SeedTeamsConversationsAsync(string serviceUrl)
    {
        await using var command = DataSource.CreateCommand($"""
            insert into teams_conversation_reference (tenant_id, conversation_id, conversation_type, service_url, bot_id, user_id, aad_object_id)
            select w.external_id, 'a:' || w.external_id || '_' || p.platform_user_id, 'personal', $1,
                   '28:{BenchCredentials.TeamsAppId}', '29:' || p.platform_user_id, p.platform_user_id
            from person p join workspace w on w.id = p.workspace_id
            where w.platform = 'teams'
            """);
        command.Parameters.AddWithValue(serviceUrl);
        await command.ExecuteNonQueryAsync();
    }

    public async Task<Dictionary<string, long>> StatusCountsAsync()
    {
        await using var command = DataSource.CreateCommand("select status, count(*) from nudge_delivery group by status");
        await using var reader = await command.ExecuteReaderAsync();
        var counts = new Dictionary<string, long>();
        while (await reader.ReadAsync())
        {
            counts[reader.GetString(0)] = reader.GetInt64(1);
        }

        return counts;
    }

    /// <summary>Rows in the shared rate gate: per workspace/tenant keys, plus one per conversation that paid for its own slot.</summary>
    public async Task<long> RateGateRowsAsync() => (long)(await DataSource.CreateCommand("select count(*) from rate_gate").ExecuteScalarAsync())!;

    public async Task<(DateTime First, DateTime Last)> SentSpanAsync()
    {
        await using var command = DataSource.CreateCommand("select min(sent_at), max(sent_at) from nudge_delivery where status = 'sent'");
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return reader.IsDBNull(0) ? default : (reader.GetDateTime(0), reader.GetDateTime(1));
    }

    /// <summary>Ledger rows behind duplicated keys: Slack delivery ids, or Teams conversation ids (every delivery of that rep).</summary>
    public async Task<List<string>> DescribeAsync(string[] keys)
    {
        var ids = keys.Select(k => Guid.TryParse(k, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty).ToArray();
        var reps = keys.Select(BenchCredentials.ParseTeamsConversationId).OfType<(string TenantId, string RepId)>().ToArray();
        await using var command = DataSource.CreateCommand("""
            select d.id, d.status, d.attempts, coalesce(d.last_error, '-'), d.reconcile, coalesce(d.in_flight_at::text, '-')
            from nudge_delivery d
            where d.id = any($1)
               or d.person_id in (select p.id from person p join workspace w on w.id = p.workspace_id
                                  join unnest($2::text[], $3::text[]) as r(tenant, rep) on w.external_id = r.tenant and p.platform_user_id = r.rep)
            """);
        command.Parameters.AddWithValue(ids);
        command.Parameters.AddWithValue(reps.Select(r => r.TenantId).ToArray());
        command.Parameters.AddWithValue(reps.Select(r => r.RepId).ToArray());
        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync())
        {
            lines.Add($"{reader.GetGuid(0)} {reader.GetString(1)} {reader.GetInt32(2)} {reader.GetString(3)} {reader.GetBoolean(4)} {reader.GetString(5)}");
        }

        return lines;
    }

    public async ValueTask DisposeAsync()
    {
        if (_dataSource is not null)
        {
            await _dataSource.DisposeAsync();
        }

        NpgsqlConnection.ClearAllPools();
        await using var admin = NpgsqlDataSource.Create(server);
        await admin.CreateCommand($"drop database if exists {name} with (force)").ExecuteNonQueryAsync();
    }
}
