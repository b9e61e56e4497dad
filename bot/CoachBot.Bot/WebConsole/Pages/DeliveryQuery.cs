using Dapper;
using Npgsql;

namespace CoachBot.Bot.WebConsole.Pages;

/// <summary>
/// The delivery ledger for the viewer's people, in one round trip: states per workspace per day, the rows that hit a
/// 429 or ended with an unknown outcome, and who cannot be reached. Error codes only (the ledger never stores text).
/// </summary>
public sealed class DeliveryQuery(NpgsqlDataSource dataSource, TimeProvider time)
{
    public const int Days = 14;
    private const int MaxProblems = 100;

    public sealed record DayCount(string Workspace, string Platform, DateTime Day, string Status, int Count);

    public sealed record Problem(string Name, string Platform, DateTime SlotAt, string Status, int Attempts, string? LastError);

    public sealed record Unreachable(string Name, string Platform, string? Reason);

    public sealed record Ledger(IReadOnlyList<DayCount> Days, IReadOnlyList<Problem> RateLimited, IReadOnlyList<Problem> Unknown, IReadOnlyList<Unreachable> Unreachable);

    public async Task<Ledger> LoadAsync(long[] personIds, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(Sql,
            new { ids = personIds, from = now.AddDays(-Days).UtcDateTime, now = now.UtcDateTime, limit = MaxProblems }, cancellationToken: cancellationToken));
        var days = (await results.ReadAsync<DayCount>()).ToList();
        var problems = (await results.ReadAsync<(bool Unknown, string Name, string Platform, DateTime SlotAt, string Status, int Attempts, string? LastError)>()).ToList();
        var unreachable = (await results.ReadAsync<Unreachable>()).ToList();
        return new Ledger(days,
            [.. problems.Where(p => !p.Unknown).Select(p => new Problem(p.Name, p.Platform, p.SlotAt, p.Status, p.Attempts, p.LastError))],
            [.. problems.Where(p => p.Unknown).Select(p => new Problem(p.Name, p.Platform, p.SlotAt, p.Status, p.Attempts, p.LastError))],
            unreachable);
    }

    private const string Sql = """
        select coalesce(w.name, w.external_id) as workspace, d.platform, date_trunc('day', d.slot_at at time zone 'UTC') as day,
               d.status, count(*)::int as count
        from nudge_delivery d join workspace w on w.id = d.workspace_id
        where d.person_id = any(@ids) and d.slot_at >= @from and d.slot_at <= @now
        group by 1, 2, 3, 4 order by 1, 3, 4;

        (select d.status = 'unknown' as unknown, p.display_name as name, d.platform, d.slot_at at time zone 'UTC' as slot_at, d.status, d.attempts, d.last_error
         from nudge_delivery d join person p on p.id = d.person_id
         where d.person_id = any(@ids) and d.slot_at >= @from and d.status <> 'unknown'
           and (d.last_error in ('ratelimited', 'rate_limited') or d.last_error like '429%')
         order by d.slot_at desc limit @limit)
        union all
        (select true, p.display_name, d.platform, d.slot_at at time zone 'UTC', d.status, d.attempts, d.last_error
         from nudge_delivery d join person p on p.id = d.person_id
         where d.person_id = any(@ids) and d.slot_at >= @from and d.status = 'unknown'
         order by d.slot_at desc limit @limit);

        select p.display_name as name, w.platform, p.unreachable_reason as reason
        from person p join workspace w on w.id = p.workspace_id
        where p.id = any(@ids) and not p.reachable
        order by p.display_name;
        """;
}
