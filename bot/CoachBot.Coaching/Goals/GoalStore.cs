using Dapper;
using Npgsql;

namespace CoachBot.Coaching.Goals;

/// <summary>rep_goal, goal_progress, goal_proposal and goal_notice (1500). Every statement is about one rep.</summary>
public sealed class GoalStore(NpgsqlDataSource dataSource)
{
    public sealed record Proposal(long Id, long PersonId, long? ProposedBy, GoalMetric Metric, GoalPeriod Period, int Target, string Status);

    /// <summary>The rep's goals: the active ones, or with <paramref name="includeRemoved"/> every one they ever had, oldest first.</summary>
    public async Task<IReadOnlyList<Goal>> GoalsAsync(long personId, bool includeRemoved, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<GoalRow>(new CommandDefinition("""
            select id, metric, period, target, set_by, set_at, removed_at from rep_goal
            where person_id = @personId and (@includeRemoved or removed_at is null) order by set_at, id
            """, new { personId, includeRemoved }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToGoal()).ToList();
    }

    /// <summary>Several reps' goals, removed ones included (their targets shape past periods), in one statement.</summary>
    public async Task<ILookup<long, Goal>> GoalsForAsync(IReadOnlyCollection<long> personIds, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<GoalRow>(new CommandDefinition("""
            select person_id, id, metric, period, target, set_by, set_at, removed_at from rep_goal
            where person_id = any(@ids) order by person_id, set_at, id
            """, new { ids = personIds.ToArray() }, cancellationToken: cancellationToken));
        return rows.ToLookup(r => r.person_id, r => r.ToGoal());
    }

    /// <summary>Several reps' daily progress totals per metric since <paramref name="from"/>, in one statement.</summary>
    public async Task<IReadOnlyDictionary<(long PersonId, GoalMetric Metric), IReadOnlyDictionary<DateOnly, int>>> DailyTotalsForAsync(
        IReadOnlyCollection<long> personIds, DateOnly from, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<DayRow>(new CommandDefinition("""
            select person_id, metric, occurred_on, sum(amount)::int as total from goal_progress
            where person_id = any(@ids) and occurred_on >= @from group by person_id, metric, occurred_on
            """, new { ids = personIds.ToArray(), from = from.ToDateTime(TimeOnly.MinValue) }, cancellationToken: cancellationToken));
        return rows.Where(r => GoalMetrics.FromDbValue(r.metric) is not null)
            .GroupBy(r => (r.person_id, GoalMetrics.FromDbValue(r.metric)!.Value))
            .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<DateOnly, int>)g.ToDictionary(r => DateOnly.FromDateTime(r.occurred_on), r => r.total));
    }

    /// <summary>Replaces the rep's goal for this metric in one transaction; false when it would make more than three.</summary>
    public async Task<bool> SetAsync(long personId, GoalMetric metric, GoalPeriod period, int target, string setBy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Serialises two goal commands from one rep, so the cap of three holds.
        await connection.ExecuteAsync(new CommandDefinition("select 1 from person where id = @personId for update", new { personId }, transaction, cancellationToken: cancellationToken));
        var others = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "select count(*) from rep_goal where person_id = @personId and removed_at is null and metric <> @metric",
            new { personId, metric = metric.ToDbValue() }, transaction, cancellationToken: cancellationToken));
        if (others >= Goal.MaxActive)
        {
            return false;
        }

        await connection.ExecuteAsync(new CommandDefinition("""
            update rep_goal set removed_at = @now where person_id = @personId and metric = @metric and removed_at is null;
            insert into rep_goal (person_id, metric, period, target, set_by, set_at) values (@personId, @metric, @period, @target, @setBy, @now);
            """, new { personId, metric = metric.ToDbValue(), period = period.ToDbValue(), target, setBy, now = now.UtcDateTime }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<bool> RemoveAsync(long personId, GoalMetric metric, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "update rep_goal set removed_at = @now where person_id = @personId and metric = @metric and removed_at is null",
            new { personId, metric = metric.ToDbValue(), now = now.UtcDateTime }, cancellationToken: cancellationToken)) > 0;
    }

    /// <summary>False when an entry with the same source reference was already recorded.</summary>
    public async Task<bool> AddProgressAsync(GoalProgressEntry entry, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition("""
            insert into goal_progress (person_id, metric, amount, occurred_on, source, source_ref, logged_at)
            values (@PersonId, @metric, @Amount, @day, @source, @SourceRef, @now)
            on conflict (person_id, source, source_ref) where source_ref is not null do nothing
            """, new
        {
            entry.PersonId, metric = entry.Metric.ToDbValue(), entry.Amount, day = entry.OccurredOn.ToDateTime(TimeOnly.MinValue),
            source = entry.Source.ToString().ToLowerInvariant(), entry.SourceRef, now = now.UtcDateTime,
        }, cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>The rep's logged totals per local day for one metric since <paramref name="from"/>.</summary>
    public async Task<IReadOnlyDictionary<DateOnly, int>> DailyTotalsAsync(long personId, GoalMetric metric, DateOnly from, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<DayRow>(new CommandDefinition("""
            select occurred_on, sum(amount)::int as total from goal_progress
            where person_id = @personId and metric = @metric and occurred_on >= @from group by occurred_on
            """, new { personId, metric = metric.ToDbValue(), from = from.ToDateTime(TimeOnly.MinValue) }, cancellationToken: cancellationToken));
        return rows.ToDictionary(r => DateOnly.FromDateTime(r.occurred_on), r => r.total);
    }

    /// <summary>Claims a notice (pace, target, record, run) for one period; only the first claim returns true.</summary>
    public async Task<bool> ClaimNoticeAsync(long personId, string kind, GoalMetric metric, DateOnly periodStart, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition("""
            insert into goal_notice (person_id, kind, metric, period_start, sent_at) values (@personId, @kind, @metric, @start, @now)
            on conflict do nothing
            """, new { personId, kind, metric = metric.ToDbValue(), start = periodStart.ToDateTime(TimeOnly.MinValue), now = now.UtcDateTime },
            cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>Reps with at least one goal whose nudges are on: the pace job's round.</summary>
    public async Task<IReadOnlyList<long>> RepsWithGoalsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<long>(new CommandDefinition("""
            select distinct g.person_id from rep_goal g join rep_schedule s on s.person_id = g.person_id
            where g.removed_at is null and not s.paused and not s.stopped order by 1
            """, cancellationToken: cancellationToken))).ToList();
    }

    public async Task<long> ProposeAsync(long personId, long proposedBy, GoalMetric metric, GoalPeriod period, int target, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition("""
            insert into goal_proposal (person_id, proposed_by, metric, period, target, proposed_at) values (@personId, @proposedBy, @metric, @period, @target, @now)
            returning id
            """, new { personId, proposedBy, metric = metric.ToDbValue(), period = period.ToDbValue(), target, now = now.UtcDateTime }, cancellationToken: cancellationToken));
    }

    /// <summary>Moves an open proposal of this rep's to <paramref name="status"/>; null when there is no such open proposal.</summary>
    public async Task<Proposal?> DecideAsync(long proposalId, long personId, string status, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ProposalRow>(new CommandDefinition("""
            update goal_proposal set status = @status, decided_at = @now where id = @proposalId and person_id = @personId and status = 'open'
            returning id, person_id, proposed_by, metric, period, target, status
            """, new { proposalId, personId, status, now = now.UtcDateTime }, cancellationToken: cancellationToken));
        return row?.ToProposal();
    }

    // Settable classes: Dapper maps columns by name and Npgsql hands back date as DateTime.
    private sealed class GoalRow
    {
        public long person_id { get; set; }
        public long id { get; set; }
        public string metric { get; set; } = "";
        public string period { get; set; } = "";
        public int target { get; set; }
        public string set_by { get; set; } = "";
        public DateTime set_at { get; set; }
        public DateTime? removed_at { get; set; }

        public Goal ToGoal() => new(id, GoalMetrics.FromDbValue(metric)!.Value, GoalPeriods.FromDbValue(period)!.Value, target, set_by,
            Utc(set_at), removed_at is { } r ? Utc(r) : null);
    }

    private sealed class DayRow
    {
        public long person_id { get; set; }
        public string metric { get; set; } = "";
        public DateTime occurred_on { get; set; }
        public int total { get; set; }
    }

    private sealed class ProposalRow
    {
        public long id { get; set; }
        public long person_id { get; set; }
        public long? proposed_by { get; set; }
        public string metric { get; set; } = "";
        public string period { get; set; } = "";
        public int target { get; set; }
        public string status { get; set; } = "";

        public Proposal ToProposal() => new(id, person_id, proposed_by, GoalMetrics.FromDbValue(metric)!.Value, GoalPeriods.FromDbValue(period)!.Value, target, status);
    }

    private static DateTimeOffset Utc(DateTime at) => new(DateTime.SpecifyKind(at, DateTimeKind.Utc));
}
