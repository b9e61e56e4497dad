using Dapper;
using Npgsql;

namespace CoachBot.Coaching.Managers;

/// <summary>
/// Where CoachBot can reach a human. One human may be a person row in a Slack workspace and another in a Teams tenant
/// (same lower(email)); they are lost only when every row is. Roster rows nobody has answered to count as lost too.
/// </summary>
public sealed class PersonReach(NpgsqlDataSource dataSource)
{
    /// <summary>Everyone lost on some platform, one entry per human, with where else they are reachable.</summary>
    public async Task<IReadOnlyList<LostPerson>> ListAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<LostRow>(new CommandDefinition("""
            with lost as (
                select p.id, nullif(lower(p.email), '') as email, p.display_name as name, w.platform, p.unreachable_reason as reason, m.display_name as manager
                from person p join workspace w on w.id = p.workspace_id left join person m on m.id = p.manager_id
                where not p.reachable and w.disabled_at is null
                union all
                select null, r.email, coalesce(nullif(r.display_name, ''), r.email), w.platform,
                    coalesce(i.reason, case when w.platform = 'teams' then @rosterTeams else @rosterSlack end), m.display_name
                from roster_entry r join workspace w on w.id = r.workspace_id
                left join roster_install i on i.workspace_id = r.workspace_id and i.email = r.email and i.state = 'failed'
                left join lateral (select display_name from person m where m.workspace_id = r.workspace_id and lower(m.email) = r.manager_email
                                   order by m.id limit 1) m on true
                where w.disabled_at is null
                  and not exists (select 1 from person p where p.workspace_id = r.workspace_id and lower(p.email) = r.email))
            select l.id as Id, l.email as Email, l.name as Name, l.platform as Platform, l.reason as Reason, l.manager as Manager,
                (select min(w.platform) from person o join workspace w on w.id = o.workspace_id
                 where l.email is not null and lower(o.email) = l.email and o.reachable and w.disabled_at is null) as ReachableOn
            from lost l
            order by l.name, l.email, l.platform, l.id
            limit @rows
            """, new { rows = limit * 2, rosterTeams = ReachAdvice.RosterNotInstalled, rosterSlack = ReachAdvice.RosterNeverMessaged },
            cancellationToken: cancellationToken));
        return [.. rows.GroupBy(r => r.Email ?? $"person:{r.Id}")
            .Select(g => new LostPerson(
                g.First().Name, g.Select(r => r.Manager).FirstOrDefault(m => m is not null),
                [.. g.Select(r => new ReachLoss(r.Platform, r.Reason)).DistinctBy(l => l.Platform)], g.First().ReachableOn))
            .Take(limit)];
    }

    /// <summary>This person and their rows on other platforms (same email), locked-free: a snapshot for one decision.</summary>
    public async Task<RepReach> ForPersonAsync(long personId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = (await connection.QueryAsync<TwinRow>(new CommandDefinition("""
            with me as (select id, nullif(lower(email), '') as email from person where id = @personId)
            select p.id as Id, w.platform as Platform, p.reachable as Reachable, p.unreachable_reason as Reason, p.manager_id as ManagerId,
                p.updated_at as UpdatedAt, me.email as Email
            from me join person p on p.id = me.id or (me.email is not null and lower(p.email) = me.email)
            join workspace w on w.id = p.workspace_id
            where p.id = me.id or w.disabled_at is null
            order by p.id <> me.id, p.id
            """, new { personId }, cancellationToken: cancellationToken))).ToList();
        var reachableOn = rows.Where(r => r.Reachable).Select(r => r.Platform).Order(StringComparer.Ordinal).FirstOrDefault();
        var losses = rows.Where(r => !r.Reachable).Select(r => new ReachLoss(r.Platform, r.Reason)).DistinctBy(l => l.Platform).ToList();
        return new RepReach(
            rows.FirstOrDefault()?.Email is { } email ? $"email:{email}" : $"person:{personId}",
            losses, reachableOn, [.. rows.Select(r => r.ManagerId).OfType<long>()],
            rows.Count == 0 ? DateTime.MinValue : rows.Max(r => r.UpdatedAt));
    }

    private sealed record LostRow(long? Id, string? Email, string Name, string Platform, string? Reason, string? Manager, string? ReachableOn);

    private sealed record TwinRow(long Id, string Platform, bool Reachable, string? Reason, long? ManagerId, DateTime UpdatedAt, string? Email);

    /// <summary>A human CoachBot cannot reach on at least one platform; <see cref="ReachableOn"/> names a platform where it still can.</summary>
    public sealed record LostPerson(string Name, string? Manager, IReadOnlyList<ReachLoss> Losses, string? ReachableOn);

    /// <summary>
    /// One human's reach: the platforms they are lost on, a platform they are still reachable on (null when none), their
    /// managers (this row's first), and the latest change among their rows, which dates the loss.
    /// </summary>
    public sealed record RepReach(string Subject, IReadOnlyList<ReachLoss> Losses, string? ReachableOn, IReadOnlyList<long> ManagerIds, DateTime LostAt)
    {
        public bool LostEverywhere => Losses.Count > 0 && ReachableOn is null;
    }
}
