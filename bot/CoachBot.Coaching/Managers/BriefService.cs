using CoachBot.Coaching.Chat;
using CoachBot.Coaching.Crm.Pipeline;
using CoachBot.Coaching.Escalations;
using CoachBot.Coaching.Learning;
using CoachBot.Coaching.Nudges.History;
using CoachBot.Coaching.People;
using CoachBot.Coaching.Profiles;
using Dapper;
using Npgsql;

namespace CoachBot.Coaching.Managers;

/// <summary>Builds weekly briefs, for `brief` and for the weekly DM to every owner.</summary>
public sealed class BriefService(
    NpgsqlDataSource dataSource, PersonDirectory people, EscalationStore escalations, IRepActivitySource activity, ChatMessengers messengers,
    NudgeHistory history, PersonReach reach, PipelineReader pipelines, TimeProvider clock)
{
    // The same depth `why` reads: enough nudges for the learner's evidence, small enough for one indexed read.
    private const int HistoryDepth = 200;

    /// <summary>Without deal data: use the overload that says the reader is in the rep's manager chain to show it.</summary>
    public Task<CoachMessage?> ForRepAsync(long repId, CancellationToken cancellationToken) => ForRepAsync(repId, withDeals: false, cancellationToken);

    /// <param name="withDeals">True only when the reader is in the rep's manager chain: deal data is shown to nobody else.</param>
    public async Task<CoachMessage?> ForRepAsync(long repId, bool withDeals, CancellationToken cancellationToken) =>
        await ForRepAsync(repId, withDeals ? await pipelines.ForRepAsync(repId, cancellationToken) : null, cancellationToken);

    private async Task<CoachMessage?> ForRepAsync(long repId, RepPipeline? pipeline, CancellationToken cancellationToken)
    {
        var rep = await people.GetAsync(repId, cancellationToken);
        if (rep is null)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var (style, race) = await connection.QuerySingleAsync<(string?, string?)>(new CommandDefinition("""
            select (select style from rep_profile where person_id = @repId),
                   (select race || ' ' || from_race || ' ' || median_days || ' ' || won_deals from crm_race_suggestion where person_id = @repId and status = 'open')
            """, new { repId }, cancellationToken: cancellationToken));
        // Lost on one platform but reachable on the other is not lost: the brief says nothing then.
        var where = await reach.ForPersonAsync(repId, cancellationToken);
        var open = await escalations.ListAsync(new EscalationScope.Rep(repId), includeResolved: false, cancellationToken);
        var week = await activity.GetAsync(repId, now.AddDays(-7), cancellationToken);
        // Composed from this rep's week, in their style: the same facts give the same opener.
        var opener = OneOnOneOpener.Compose(style, new OneOnOneOpener.Facts(rep.FirstName, week, open.Count));
        // A better-answered style is suggested to the manager, never switched: the rep or manager confirms it.
        var past = await history.RecentAsync(repId, HistoryDepth, cancellationToken);
        var suggestion = StyleAdvice.Suggest(CommunicationStyles.FromDbValue(style), StyleEvidence.From(past, now));
        var data = new BriefData(rep.DisplayName, style, week, open, opener, suggestion, where.LostEverywhere ? where.Losses : null)
        {
            Pipeline = pipeline, RaceCheck = pipeline is null ? null : RaceCheck(rep.DisplayName, race),
        };
        return BriefCard.Render(data, now);
    }

    // "sprint middle 18 6": the open race suggestion from the rep's won deals, which they have not answered yet.
    private static string? RaceCheck(UserText rep, string? suggestion)
    {
        if (suggestion?.Split(' ') is not [var race, var from, var days, var won] || Races.FromDbValue(race) is not { } to || Races.FromDbValue(from) is not { } current)
        {
            return null;
        }

        return $"Race check: {rep}'s won deals took a median of {days} days ({won} deals), a {to.Label()} cycle; they run {current.Label()}. " +
            $"They were asked to confirm; nothing changes until they do or you set it (`race @person {to.ToDbValue()}`).";
    }

    public Task<IReadOnlyList<CoachMessage>> ForPeopleAsync(IEnumerable<long> repIds, CancellationToken cancellationToken) =>
        ForPeopleAsync(repIds, new HashSet<long>(), cancellationToken);

    /// <param name="withDeals">The reps whose manager chain the reader is in: only their briefs carry deal data.</param>
    public async Task<IReadOnlyList<CoachMessage>> ForPeopleAsync(IEnumerable<long> repIds, IReadOnlySet<long> withDeals, CancellationToken cancellationToken)
    {
        var ids = repIds.ToList();
        // One read of the whole team's pipelines, not one per rep.
        var team = await pipelines.ForRepsAsync(ids.Where(withDeals.Contains).ToList(), cancellationToken);
        var briefs = new List<CoachMessage>();
        foreach (var id in ids)
        {
            if (await ForRepAsync(id, team.GetValueOrDefault(id), cancellationToken) is { } brief)
            {
                briefs.Add(brief);
            }
        }

        return briefs;
    }

    /// <summary>DMs each manager the briefs for their direct reps, once per ISO week (a replayed run sends nothing).</summary>
    public async Task<int> SendWeeklyAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var weekStart = now.UtcDateTime.Date.AddDays(-(((int)now.DayOfWeek + 6) % 7));
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var owners = (await connection.QueryAsync<long>(new CommandDefinition("""
            select distinct m.id from person m join person r on r.manager_id = m.id join workspace w on w.id = m.workspace_id
            where m.role in ('manager', 'admin') and m.reachable and w.disabled_at is null order by m.id
            """, cancellationToken: cancellationToken))).ToList();
        var sent = 0;
        foreach (var ownerId in owners)
        {
            var claimed = await connection.ExecuteAsync(new CommandDefinition(
                "insert into weekly_brief_sent (owner_id, week_start, sent_at) values (@ownerId, @weekStart, @now) on conflict do nothing",
                new { ownerId, weekStart, now = now.UtcDateTime }, cancellationToken: cancellationToken));
            var owner = claimed == 1 ? await people.GetAsync(ownerId, cancellationToken) : null;
            if (owner is null)
            {
                continue;
            }

            var reps = (await connection.QueryAsync<long>(new CommandDefinition(
                "select id from person where manager_id = @ownerId order by display_name", new { ownerId }, cancellationToken: cancellationToken))).ToList();
            try
            {
                // Direct reports: the owner is in each one's manager chain, so their deal data may be shown.
                foreach (var brief in await ForPeopleAsync(reps, reps.ToHashSet(), cancellationToken))
                {
                    await messengers.For(owner.Key.Platform).SendDirectAsync(owner.Key, brief, cancellationToken);
                }
            }
            catch (ChatDeliveryException)
            {
                // Briefs are best effort and at most once a week; an unreachable owner is skipped, not retried.
                continue;
            }

            sent++;
        }

        return sent;
    }
}
