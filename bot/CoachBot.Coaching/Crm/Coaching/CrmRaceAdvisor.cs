using CoachBot.Coaching.Chat;
using CoachBot.Coaching.Crm.Pipeline;
using CoachBot.Coaching.Escalations;
using CoachBot.Coaching.People;
using CoachBot.Coaching.Profiles;
using Dapper;
using Npgsql;

namespace CoachBot.Coaching.Crm.Coaching;

/// <summary>
/// After a sync, suggests a race to each matched rep whose won-deal cycle (<see cref="RaceFromCycle"/>) says another
/// race than the one they run. Never switches it: the rep gets a DM with buttons, and the manager's brief a line. A
/// suggestion is made once per change (crm_race_suggestion keeps the last one), not on every sync.
/// </summary>
public sealed class CrmRaceAdvisor(
    NpgsqlDataSource dataSource, PipelineReader pipelines, PersonDirectory people, ChatMessengers messengers, TimeProvider clock) : ICrmSyncObserver
{
    public async Task OnSyncedAsync(CrmConnection connection, DateTimeOffset runStartedAt, CancellationToken cancellationToken)
    {
        List<(long PersonId, string? Race)> reps;
        await using (var db = await dataSource.OpenConnectionAsync(cancellationToken))
        {
            reps = (await db.QueryAsync<(long, string?)>(new CommandDefinition("""
                select o.person_id, p.race from crm_owner o left join rep_profile p on p.person_id = o.person_id
                where o.connection_id = @id and o.person_id is not null and not o.excluded
                """, new { id = connection.Id }, cancellationToken: cancellationToken))).ToList();
        }

        var team = await pipelines.ForRepsAsync(reps.Select(r => r.PersonId).ToList(), cancellationToken);
        foreach (var (personId, stored) in reps)
        {
            var current = Races.FromDbValue(stored) ?? Race.Middle;
            if (team.GetValueOrDefault(personId) is not { } pipeline || RaceFromCycle.Suggest(pipeline.Won.Select(d => d.CycleDays).ToList()) is not { } found
                || found.Race == current)
            {
                continue;
            }

            if (await ClaimAsync(personId, found.Race, current, found.MedianDays, pipeline.Won.Count, cancellationToken)
                && await people.GetAsync(personId, cancellationToken) is { } person)
            {
                try
                {
                    await messengers.For(person.Key.Platform).SendDirectAsync(person.Key,
                        CrmRaceActions.Suggestion(found.Race, current, found.MedianDays, pipeline.Won.Count), cancellationToken);
                }
                catch (ChatDeliveryException)
                {
                    // Still open: the manager's brief carries it, and the rep can set the race with `race`.
                }
            }
        }
    }

    // True when this is news: no suggestion yet, or the last one was of another race or from another starting race.
    private async Task<bool> ClaimAsync(long personId, Race race, Race from, int medianDays, int wonDeals, CancellationToken cancellationToken)
    {
        await using var db = await dataSource.OpenConnectionAsync(cancellationToken);
        return await db.ExecuteAsync(new CommandDefinition("""
            insert into crm_race_suggestion (person_id, race, from_race, median_days, won_deals, suggested_at)
            values (@personId, @race, @from, @medianDays, @wonDeals, @now)
            on conflict (person_id) do update set race = excluded.race, from_race = excluded.from_race, median_days = excluded.median_days,
                won_deals = excluded.won_deals, suggested_at = excluded.suggested_at, status = 'open', decided_at = null
            where crm_race_suggestion.race <> excluded.race or crm_race_suggestion.from_race <> excluded.from_race
            """, new { personId, race = race.ToDbValue(), from = from.ToDbValue(), medianDays, wonDeals, now = clock.GetUtcNow().UtcDateTime },
            cancellationToken: cancellationToken)) == 1;
    }
}
