using CoachBot.Coaching.Data;
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

    public async Task SeedAsync(Scenario scenario)
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
        await DataSource.CreateCommand("analyze").ExecuteNonQueryAsync();
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

    public async Task<(DateTime First, DateTime Last)> SentSpanAsync()
    {
        await using var command = DataSource.CreateCommand("select min(sent_at), max(sent_at) from nudge_delivery where status = 'sent'");
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return reader.IsDBNull(0) ? default : (reader.GetDateTime(0), reader.GetDateTime(1));
    }

    public async Task<List<string>> DescribeAsync(Guid[] ids)
    {
        await using var command = DataSource.CreateCommand(
            "select id, status, attempts, coalesce(last_error, '-'), reconcile, coalesce(in_flight_at::text, '-') from nudge_delivery where id = any($1)");
        command.Parameters.AddWithValue(ids);
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
