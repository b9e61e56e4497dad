using System.Globalization;
using Dapper;
using Npgsql;

namespace CoachBot.Coaching.Profiles;

/// <summary>
/// Reads and edits rep_schedule for the rep's own commands. Every change sets next_due_at = null so the
/// dispatcher recomputes the next slot (see 0002_rep_profile.sql); pauses and snoozes are also logged as
/// periods so streaks can skip them.
/// </summary>
public sealed class RepScheduleStore(NpgsqlDataSource dataSource)
{
    public async Task<RepSchedule?> GetAsync(long personId, CancellationToken cancellationToken) =>
        (await GetManyAsync([personId], cancellationToken)).GetValueOrDefault(personId);

    /// <summary>Several reps' schedules in one statement (a team's page); reps without one are absent.</summary>
    public async Task<IReadOnlyDictionary<long, RepSchedule>> GetManyAsync(IReadOnlyCollection<long> personIds, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<ScheduleRow>(new CommandDefinition("""
            select s.person_id as personid, p.time_zone as timezone, s.working_days as workingdays,
                to_char(s.day_start, 'HH24:MI') as daystart, to_char(s.day_end, 'HH24:MI') as dayend,
                array(select to_char(t, 'HH24:MI') from unnest(s.send_times) t) as sendtimes,
                s.holiday_country as holidaycountry, s.vacation_from::text as vacationfrom, s.vacation_until::text as vacationuntil,
                s.snoozed_until as snoozeduntil, s.paused, s.stopped, s.cadence, coalesce(r.race, 'middle') as race,
                to_char(s.quiet_start, 'HH24:MI') as quietstart, to_char(s.quiet_end, 'HH24:MI') as quietend
            from rep_schedule s join person p on p.id = s.person_id left join rep_profile r on r.person_id = s.person_id
                        where s.person_id = any(@ids)
            """, new { ids = personIds.ToArray() }, cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.PersonId, r => r.ToSchedule());
    }

    public Task SetDaysAndTimeAsync(long personId, IReadOnlyList<int>? isoDays, TimeOnly? sendTime, CancellationToken cancellationToken) =>
        UpdateAsync(personId, """
            working_days = coalesce(@days::smallint[], working_days),
            send_times = case when @time::time is null then send_times else array[@time::time] end
            """, new { days = isoDays?.Select(d => (short)d).ToArray(), time = sendTime?.ToString("HH:mm", CultureInfo.InvariantCulture) }, cancellationToken);

    public async Task SnoozeAsync(long personId, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken)
    {
        await UpdateAsync(personId, "snoozed_until = @until", new { until }, cancellationToken);
        await OpenPeriodAsync(personId, "snooze", now, until, cancellationToken);
    }

    public async Task SetPausedAsync(long personId, bool paused, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Resuming also lifts a snooze: "resume" means "send me nudges again".
        await UpdateAsync(personId, paused ? "paused = true" : "paused = false, snoozed_until = null", new { }, cancellationToken);
        await TogglePeriodAsync(personId, paused ? "pause" : null, now, cancellationToken, "pause", "snooze");
    }

    public async Task SetStoppedAsync(long personId, bool stopped, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await UpdateAsync(personId, "stopped = @stopped", new { stopped }, cancellationToken);
        await TogglePeriodAsync(personId, stopped ? "stop" : null, now, cancellationToken, "stop");
    }

    public async Task SetTimeZoneAsync(long personId, string timeZone, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("""
            update person set time_zone = @timeZone, time_zone_source = 'override', updated_at = now() where id = @personId;
            update rep_schedule set next_due_at = null, updated_at = now() where person_id = @personId;
            """, new { personId, timeZone }, cancellationToken: cancellationToken));
    }

    /// <summary>Pause, snooze and stop periods, open ones ending at <paramref name="now"/>.</summary>
    public async Task<IReadOnlyList<(DateTimeOffset From, DateTimeOffset Until)>> GetPausePeriodsAsync(
        long personId, DateTimeOffset now, CancellationToken cancellationToken) =>
        (await GetPausePeriodsAsync([personId], now, cancellationToken))[personId].ToList();

    /// <summary>Several reps' pause, snooze and stop periods in one statement, open ones ending at <paramref name="now"/>.</summary>
    public async Task<ILookup<long, (DateTimeOffset From, DateTimeOffset Until)>> GetPausePeriodsAsync(
        IReadOnlyCollection<long> personIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(long PersonId, DateTime From, DateTime? Until)>(new CommandDefinition(
            "select person_id, from_at, until_at from rep_pause_period where person_id = any(@ids) order by person_id, from_at",
            new { ids = personIds.ToArray() }, cancellationToken: cancellationToken));
        return rows.ToLookup(r => r.PersonId, r => (Utc(r.From), r.Until is { } u ? Utc(u) : now));
    }

    private async Task OpenPeriodAsync(long personId, string kind, DateTimeOffset from, DateTimeOffset? until, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "insert into rep_pause_period (person_id, kind, from_at, until_at) values (@personId, @kind, @from, @until)",
            new { personId, kind, from, until }, cancellationToken: cancellationToken));
    }

    private async Task TogglePeriodAsync(long personId, string? open, DateTimeOffset now, CancellationToken cancellationToken, params string[] close)
    {
        if (open is not null)
        {
            await using var check = await dataSource.OpenConnectionAsync(cancellationToken);
            var alreadyOpen = await check.ExecuteScalarAsync<bool>(new CommandDefinition(
                "select exists(select 1 from rep_pause_period where person_id = @personId and kind = @open and until_at is null)",
                new { personId, open }, cancellationToken: cancellationToken));
            if (!alreadyOpen)
            {
                await OpenPeriodAsync(personId, open, now, null, cancellationToken);
            }

            return;
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("""
            update rep_pause_period set until_at = @now
            where person_id = @personId and kind = any(@close) and (until_at is null or until_at > @now)
            """, new { personId, now, close }, cancellationToken: cancellationToken));
    }

    private async Task UpdateAsync(long personId, string set, object values, CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters(values);
        parameters.Add("personId", personId);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            $"update rep_schedule set {set}, next_due_at = null, updated_at = now() where person_id = @personId",
            parameters, cancellationToken: cancellationToken));
    }

    private static TimeOnly ParseTime(string value) => TimeOnly.ParseExact(value, "HH:mm", CultureInfo.InvariantCulture);

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    // Settable properties: Npgsql reports array columns as System.Array, which Dapper cannot match to a constructor.
    private sealed class ScheduleRow
    {
        public long PersonId { get; set; }
        public string TimeZone { get; set; } = "UTC";
        public short[] WorkingDays { get; set; } = [];
        public string DayStart { get; set; } = "";
        public string DayEnd { get; set; } = "";
        public string[] SendTimes { get; set; } = [];
        public string? HolidayCountry { get; set; }
        public string? VacationFrom { get; set; }
        public string? VacationUntil { get; set; }
        public DateTime? SnoozedUntil { get; set; }
        public bool Paused { get; set; }
        public bool Stopped { get; set; }
        public string? Cadence { get; set; }
        public string Race { get; set; } = "middle";
        public string? QuietStart { get; set; }
        public string? QuietEnd { get; set; }

        public RepSchedule ToSchedule() => new(
            PersonId,
            TimeZone,
            WorkingDays.Select(d => (int)d).ToList(),
            ParseTime(DayStart),
            ParseTime(DayEnd),
            SendTimes.Select(ParseTime).ToList(),
            HolidayCountry,
            VacationFrom is null ? null : DateOnly.Parse(VacationFrom, CultureInfo.InvariantCulture),
            VacationUntil is null ? null : DateOnly.Parse(VacationUntil, CultureInfo.InvariantCulture),
            SnoozedUntil is { } s ? Utc(s) : null,
            Paused,
            Stopped)
        {
            Cadence = Cadence,
            Race = Race,
            QuietStart = QuietStart is null ? null : ParseTime(QuietStart),
            QuietEnd = QuietEnd is null ? null : ParseTime(QuietEnd),
        };
    }
}
