using CoachBot.Coaching.Chat;
using CoachBot.Coaching.Escalations;
using CoachBot.Coaching.Goals;
using CoachBot.Coaching.People;
using CoachBot.Coaching.Profiles;
using Dapper;
using Npgsql;

namespace CoachBot.Coaching.Crm.Coaching;

/// <summary>
/// Feeds goal progress from the CRM after each sync: call and meeting activities, won deals (on the rep's local close
/// date) and the amount of deals created (pipeline, in whole units of the deal's currency). Only for metrics the rep has
/// a goal on, from the start of the period the goal was set in. Each CRM record is one goal_progress row (source 'crm',
/// source_ref the record's id), so a replayed sync counts nothing twice. The rep hears of a target hit or a new best, and
/// once per metric that they need not log it by hand; never of each call.
/// </summary>
public sealed class CrmGoalFeed(
    NpgsqlDataSource dataSource, GoalTracker tracker, CrmFedMetrics fed, PersonDirectory people, ChatMessengers messengers, TimeProvider clock) : ICrmSyncObserver
{
    public async Task OnSyncedAsync(CrmConnection connection, DateTimeOffset runStartedAt, CancellationToken cancellationToken)
    {
        List<Candidate> candidates;
        await using (var db = await dataSource.OpenConnectionAsync(cancellationToken))
        {
            // date_trunc takes the goal periods' own words (day, week, month, quarter).
            candidates = (await db.QueryAsync<Candidate>(new CommandDefinition("""
                with reps as (select external_id, person_id from crm_owner where connection_id = @id and person_id is not null and not excluded),
                goals as (select g.person_id, g.metric, min(date_trunc(g.period, g.set_at)) as since
                          from rep_goal g join reps r on r.person_id = g.person_id where g.removed_at is null group by g.person_id, g.metric),
                found as (
                    select r.person_id, case a.kind when 'call' then 'calls' else 'meetings' end as metric, 1::numeric as amount,
                           a.occurred_at as at, 'activity:' || a.external_id as ref
                    from reps r join crm_activity a on a.connection_id = @id and a.owner_external_id = r.external_id and a.kind in ('call', 'meeting')
                    union all
                    select r.person_id, 'deals', 1, d.closed_at, 'won:' || d.external_id
                    from reps r join crm_deal d on d.connection_id = @id and d.owner_external_id = r.external_id and d.status = 'won' and d.closed_at is not null
                    union all
                    select r.person_id, 'pipeline', round(d.amount), d.created_at_crm, 'created:' || d.external_id
                    from reps r join crm_deal d on d.connection_id = @id and d.owner_external_id = r.external_id and d.amount >= 1)
                select f.person_id as PersonId, f.metric as Metric, f.amount as Amount, f.at as At, @id || ':' || f.ref as Ref
                from found f join goals g on g.person_id = f.person_id and g.metric = f.metric
                where f.at >= g.since
                  and not exists (select 1 from goal_progress p where p.person_id = f.person_id and p.source = 'crm' and p.source_ref = @id || ':' || f.ref)
                order by f.person_id, f.at
                """, new { id = connection.Id }, cancellationToken: cancellationToken))).ToList();
        }

        foreach (var rep in candidates.GroupBy(c => c.PersonId))
        {
            await FeedAsync(rep.Key, rep.ToList(), cancellationToken);
        }
    }

    private async Task FeedAsync(long personId, List<Candidate> found, CancellationToken cancellationToken)
    {
        if (await people.GetAsync(personId, cancellationToken) is not { } person)
        {
            return;
        }

        var calendar = await tracker.CalendarAsync(personId, person.TimeZone, cancellationToken);
        var style = await StyleAsync(personId, cancellationToken);
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(person.TimeZone, out var z) ? z : TimeZoneInfo.Utc;
        var tell = new List<string>();
        foreach (var c in found)
        {
            var metric = GoalMetrics.FromDbValue(c.Metric)!.Value;
            var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(new DateTimeOffset(DateTime.SpecifyKind(c.At, DateTimeKind.Utc)), zone).DateTime);
            var amount = (int)Math.Min(c.Amount, GoalProgressEntry.MaxAmount);
            var said = await tracker.RecordAsync(new GoalProgressEntry(personId, metric, amount, day, GoalProgressSource.Crm, c.Ref), calendar, style, cancellationToken);
            if (said.Count > 0 && await fed.ClaimAsync(personId, metric, clock.GetUtcNow(), cancellationToken))
            {
                tell.Add($"Your {metric.Word()} now come straight from your CRM, so you no longer need to log them by hand.");
            }

            // The first line only repeats the amount logged; target hits and new bests are news.
            tell.AddRange(said.Skip(1));
        }

        if (tell.Count == 0)
        {
            return;
        }

        try
        {
            await messengers.For(person.Key.Platform).SendDirectAsync(person.Key, CoachMessage.Plain(string.Join("\n", tell)), cancellationToken);
        }
        catch (ChatDeliveryException)
        {
            // The progress is recorded; the rep sees it in `goal` even if this message could not reach them.
        }
    }

    private async Task<CommunicationStyle?> StyleAsync(long personId, CancellationToken cancellationToken)
    {
        await using var db = await dataSource.OpenConnectionAsync(cancellationToken);
        return CommunicationStyles.FromDbValue(await db.ExecuteScalarAsync<string?>(new CommandDefinition(
            "select style from rep_profile where person_id = @personId", new { personId }, cancellationToken: cancellationToken)));
    }

    private sealed record Candidate(long PersonId, string Metric, decimal Amount, DateTime At, string Ref);
}
