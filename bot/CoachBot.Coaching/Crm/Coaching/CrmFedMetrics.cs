using CoachBot.Coaching.Goals;
using Dapper;
using Npgsql;

namespace CoachBot.Coaching.Crm.Coaching;

/// <summary>The goal metrics a rep's CRM feeds (crm_fed_metric, migration 1630): told once, and typed logging says so.</summary>
public sealed class CrmFedMetrics(NpgsqlDataSource dataSource)
{
    /// <summary>True the first time only: the caller tells the rep they need not log this metric by hand.</summary>
    public async Task<bool> ClaimAsync(long personId, GoalMetric metric, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "insert into crm_fed_metric (person_id, metric, told_at) values (@personId, @metric, @now) on conflict do nothing",
            new { personId, metric = metric.ToDbValue(), now = now.UtcDateTime }, cancellationToken: cancellationToken)) == 1;
    }

    public async Task<bool> IsFedAsync(long personId, GoalMetric metric, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "select exists(select 1 from crm_fed_metric where person_id = @personId and metric = @metric)",
            new { personId, metric = metric.ToDbValue() }, cancellationToken: cancellationToken));
    }

    /// <summary>Added to a typed log of a metric the CRM already counts.</summary>
    public static string TypedNote(GoalMetric metric) =>
        $"Your CRM already counts your {metric.Word()} for you, so there's no need to log them by hand; " +
        $"what you type is added on top, so only log {metric.Word()} the CRM doesn't have.";
}
