using Dapper;
using Npgsql;

namespace CoachBot.Coaching.Crm.Pipeline;

/// <summary>
/// Reads reps' pipelines from crm_deal and crm_activity (migration 1600) through their matched crm_owner rows. Two
/// statements whatever the number of reps (deals, then activity counts), so the brief's team costs what one rep does.
/// </summary>
public sealed class PipelineReader(NpgsqlDataSource dataSource, TimeProvider clock)
{
    /// <summary>Won and lost deals older than this are left out: the race suggestion wants the rep's recent cycle.</summary>
    public static readonly TimeSpan ClosedLookBack = TimeSpan.FromDays(365);

    /// <summary>Activity counts cover this window unless asked otherwise.</summary>
    public static readonly TimeSpan DefaultActivityWindow = TimeSpan.FromDays(30);

    public async Task<RepPipeline?> ForRepAsync(long personId, CancellationToken cancellationToken) =>
        (await ForRepsAsync([personId], cancellationToken)).GetValueOrDefault(personId);

    /// <summary>Pipelines of the reps that have a matched CRM owner; reps without one are absent from the result.</summary>
    public async Task<IReadOnlyDictionary<long, RepPipeline>> ForRepsAsync(
        IReadOnlyCollection<long> personIds, CancellationToken cancellationToken, TimeSpan? activityWindow = null)
    {
        if (personIds.Count == 0)
        {
            return new Dictionary<long, RepPipeline>();
        }

        var now = clock.GetUtcNow();
        var ids = personIds.Distinct().ToArray();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        // A left join keeps a matched owner with no deals: they have CRM data (an empty pipeline), unlike an unmatched rep.
        var deals = (await connection.QueryAsync<DealRow>(new CommandDefinition("""
            select o.person_id, p.time_zone, d.external_id, d.name, d.amount, d.currency, d.stage, d.status, d.close_date, d.close_date_moves,
                   d.created_at_crm, d.stage_changed_at, d.closed_at,
                   greatest(d.last_activity_at, (select max(a.occurred_at) from crm_activity a
                                                 where a.connection_id = d.connection_id and a.deal_external_id = d.external_id)) as last_activity_at
            from crm_owner o
            join person p on p.id = o.person_id
            left join crm_deal d on d.connection_id = o.connection_id and d.owner_external_id = o.external_id
                 and (d.status = 'open' or d.closed_at >= @closedSince)
            where o.person_id = any(@ids) and not o.excluded
            """, new { ids, closedSince = (now - ClosedLookBack).UtcDateTime }, cancellationToken: cancellationToken))).ToList();
        var activity = (await connection.QueryAsync<(long PersonId, string Kind, long Count)>(new CommandDefinition("""
            select o.person_id, a.kind, count(*)
            from crm_owner o join crm_activity a on a.connection_id = o.connection_id and a.owner_external_id = o.external_id
            where o.person_id = any(@ids) and not o.excluded and a.occurred_at >= @since
            group by o.person_id, a.kind
            """, new { ids, since = (now - (activityWindow ?? DefaultActivityWindow)).UtcDateTime }, cancellationToken: cancellationToken)))
            .ToLookup(a => a.PersonId);

        return deals.GroupBy(d => d.person_id).ToDictionary(g => g.Key, g => Build(g.Where(d => d.external_id is not null).ToList(),
            activity[g.Key], Today(now, g.First().time_zone), now));
    }

    private static RepPipeline Build(List<DealRow> rows, IEnumerable<(long PersonId, string Kind, long Count)> activity, DateOnly today, DateTimeOffset now)
    {
        var open = rows.Where(r => r.status == "open").Select(r => new OpenDeal(
                r.external_id!, r.name!, r.amount, r.currency, r.stage!,
                r.stage_changed_at is { } changed ? Days(now, changed) : null,
                r.close_date is { } close ? DateOnly.FromDateTime(close) : null,
                r.close_date_moves,
                Days(now, r.last_activity_at ?? r.created_at_crm),
                Utc(r.created_at_crm)))
            .OrderByDescending(d => d.Amount ?? 0).ThenBy(d => d.Id, StringComparer.Ordinal).ToList();
        var closed = rows.Where(r => r.status != "open" && r.closed_at is not null)
            .Select(r => new ClosedDeal(r.external_id!, r.name!, r.amount, r.currency, r.status == "won", Utc(r.created_at_crm), Utc(r.closed_at!.Value)))
            .OrderByDescending(d => d.ClosedAt).ToList();
        var counts = activity.Where(a => Enum.TryParse<CrmActivityKind>(a.Kind, ignoreCase: true, out _))
            .ToDictionary(a => Enum.Parse<CrmActivityKind>(a.Kind, ignoreCase: true), a => (int)a.Count);
        return new RepPipeline(open, closed, counts, today);
    }

    private static int Days(DateTimeOffset now, DateTime since) => Math.Max(0, (int)(now - Utc(since)).TotalDays);

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    private static DateOnly Today(DateTimeOffset now, string? timeZone)
    {
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(timeZone ?? "UTC", out var found) ? found : TimeZoneInfo.Utc;
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
    }

    // A settable class: Dapper maps nullable columns of the left join by name.
    private sealed class DealRow
    {
        public long person_id { get; set; }
        public string time_zone { get; set; } = "UTC";
        public string? external_id { get; set; }
        public string? name { get; set; }
        public decimal? amount { get; set; }
        public string? currency { get; set; }
        public string? stage { get; set; }
        public string? status { get; set; }
        public DateTime? close_date { get; set; }
        public int close_date_moves { get; set; }
        public DateTime created_at_crm { get; set; }
        public DateTime? stage_changed_at { get; set; }
        public DateTime? closed_at { get; set; }
        public DateTime? last_activity_at { get; set; }
    }
}
