using Dapper;
using Npgsql;

namespace CoachBot.Bot.WebConsole.Pages;

/// <summary>
/// Reply rate and confidence from nudge_history, week by week, broken down by the style a nudge was rendered in, the
/// rep's race and the nudge's skill, in one statement (grouping sets give each group's distinct rep count over the window
/// too, which decides whether it may be shown). Counts only; nudge_history holds no words.
/// </summary>
public sealed class CoachingQuery(NpgsqlDataSource dataSource, TimeProvider time)
{
    public const int Weeks = 8;

    public sealed record Cell(string Dimension, string Value, int? WeeksBack, int Sent, int Answered, double? Confidence, int Reps);

    public async Task<IReadOnlyList<Cell>> CellsAsync(long[] personIds, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<Cell>(new CommandDefinition(Sql,
            new { ids = personIds, now = now.UtcDateTime, from = now.AddDays(-7 * Weeks).UtcDateTime }, cancellationToken: cancellationToken));
        return [.. rows];
    }

    private const string Sql = """
        with h as (
            select h.person_id, floor(extract(epoch from (@now - h.sent_at)) / 604800)::int as weeks_back, h.style,
                   coalesce(rp.race, 'middle') as race, h.skill, h.answered_at, h.confidence
            from nudge_history h left join rep_profile rp on rp.person_id = h.person_id
            where h.person_id = any(@ids) and h.sent_at >= @from and h.sent_at <= @now
        ), d as (
            select h.*, x.dimension, x.value
            from h cross join lateral (values ('all', 'all'), ('style', h.style), ('race', h.race), ('skill', h.skill)) as x(dimension, value)
        )
        select dimension, value, weeks_back as weeksback, count(*)::int as sent, count(answered_at)::int as answered,
               avg(confidence)::float8 as confidence, count(distinct person_id)::int as reps
        from d
        group by grouping sets ((dimension, value, weeks_back), (dimension, value))
        order by dimension, value, weeks_back
        """;
}
