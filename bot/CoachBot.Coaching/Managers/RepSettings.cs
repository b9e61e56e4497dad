using Dapper;
using Npgsql;

namespace CoachBot.Coaching.Managers;

public sealed record RepOverview(
    long Id, string Name, string Role, string? Style, string StyleSource, string Race, string[] Focus, TimeOnly[]? SendTimes,
    short[]? WorkingDays, bool Paused, bool Stopped, DateTimeOffset? NextDueAt);

/// <summary>
/// Reads and changes a rep's profile and schedule rows (0002). Any schedule change clears next_due_at so the
/// dispatcher recomputes it; "nudge now" sets it to now so the next dispatcher tick sends.
/// </summary>
public sealed class RepSettings(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyList<RepOverview>> OverviewAsync(long[] personIds, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition("""
            select p.id, p.display_name, p.role, rp.style, coalesce(rp.style_source, 'unknown') as style_source, coalesce(rp.race, 'middle') as race,
                   coalesce(rp.focus_skills, '{}') as focus_skills, rs.send_times, rs.working_days, coalesce(rs.paused, false) as paused,
                   coalesce(rs.stopped, false) as stopped, rs.next_due_at
            from person p left join rep_profile rp on rp.person_id = p.id left join rep_schedule rs on rs.person_id = p.id
            where p.id = any(@personIds) order by p.display_name
            """, new { personIds }, cancellationToken: cancellationToken));
        return rows.Select(r => new RepOverview(r.id, r.display_name, r.role, r.style, r.style_source, r.race, r.focus_skills,
            r.send_times, r.working_days, r.paused, r.stopped,
            r.next_due_at is { } due && due != DateTime.MaxValue ? new DateTimeOffset(DateTime.SpecifyKind(due, DateTimeKind.Utc)) : null)).ToList();
    }

    public Task SetStyleAsync(long repId, string style, CancellationToken cancellationToken) => ProfileAsync(repId,
        "style, style_source", "@value, 'manager'", "style = excluded.style, style_source = 'manager'", style, cancellationToken);

    public Task SetRaceAsync(long repId, string race, CancellationToken cancellationToken) => ProfileAsync(repId,
        "race", "@value", "race = excluded.race", race, cancellationToken);

    public Task SetFocusAsync(long repId, string[] skills, CancellationToken cancellationToken) => ProfileAsync(repId,
        "focus_skills", "@value", "focus_skills = excluded.focus_skills", skills, cancellationToken);

    public Task SetScheduleAsync(long repId, long workspaceId, TimeOnly[] sendTimes, short[]? days, CancellationToken cancellationToken) =>
        ScheduleAsync(repId, workspaceId, "send_times = @times, working_days = coalesce(@days::smallint[], rep_schedule.working_days)",
            new { times = sendTimes, days }, cancellationToken);

    public Task SetPausedAsync(long repId, long workspaceId, bool paused, CancellationToken cancellationToken) =>
        ScheduleAsync(repId, workspaceId, "paused = @paused", new { paused }, cancellationToken);

    /// <summary>Makes the rep due now; returns false when they have no active schedule (not onboarded, paused or stopped).</summary>
    public async Task<bool> NudgeNowAsync(long repId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "update rep_schedule set next_due_at = @now, updated_at = @now where person_id = @repId and not paused and not stopped",
            new { repId, now = now.UtcDateTime }, cancellationToken: cancellationToken)) == 1;
    }

    private async Task ProfileAsync(long repId, string columns, string values, string update, object value, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition($"""
            insert into rep_profile (person_id, {columns}) values (@repId, {values})
            on conflict (person_id) do update set {update}, updated_at = now()
            """, new { repId, value }, cancellationToken: cancellationToken));
    }

    private async Task ScheduleAsync(long repId, long workspaceId, string set, object values, CancellationToken cancellationToken)
    {
        var args = new DynamicParameters(values);
        args.Add("repId", repId);
        args.Add("workspaceId", workspaceId);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition($"""
            insert into rep_schedule (person_id, workspace_id) values (@repId, @workspaceId) on conflict (person_id) do nothing;
            update rep_schedule set {set}, next_due_at = null, updated_at = now() where person_id = @repId;
            """, args, cancellationToken: cancellationToken));
    }

    // A settable class rather than a positional record: Npgsql reports array columns as System.Array, which Dapper's
    // constructor matching rejects, while property mapping converts them.
    private sealed class Row
    {
        public long id { get; set; }
        public string display_name { get; set; } = "";
        public string role { get; set; } = "";
        public string? style { get; set; }
        public string style_source { get; set; } = "";
        public string race { get; set; } = "";
        public string[] focus_skills { get; set; } = [];
        public TimeOnly[]? send_times { get; set; } // Npgsql 10 reads time[] as TimeOnly[]; Dapper does not convert it to TimeSpan[]
        public short[]? working_days { get; set; }
        public bool paused { get; set; }
        public bool stopped { get; set; }
        public DateTime? next_due_at { get; set; }
    }
}
