using Dapper;
using Npgsql;

namespace CoachBot.Coaching.Managers;

public sealed record ManagerStats(int Reps, int Open, int Acknowledged, int Resolved, TimeSpan? MedianTimeToAck);

/// <summary>`stats`: counts for the people in the manager's scope (the whole workspace for admins).</summary>
public sealed class StatsQuery(NpgsqlDataSource dataSource)
{
    public async Task<ManagerStats> ForAsync(long[] scope, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleAsync<Row>(new CommandDefinition("""
            select (select count(*) from person where id = any(@scope) and role = 'rep') as reps,
                   count(*) filter (where state = 'open') as open,
                   count(*) filter (where state = 'acknowledged') as acknowledged,
                   count(*) filter (where state = 'resolved') as resolved,
                   extract(epoch from percentile_cont(0.5) within group (order by acknowledged_at - created_at))::float8 as median_seconds
            from escalation where rep_id = any(@scope)
            """, new { scope }, cancellationToken: cancellationToken));
        return new ManagerStats((int)row.reps, (int)row.open, (int)row.acknowledged, (int)row.resolved,
            row.median_seconds is { } s ? TimeSpan.FromSeconds(s) : null);
    }

    private sealed record Row(long reps, long open, long acknowledged, long resolved, double? median_seconds);
}
