using CoachBot.Coaching.Escalations;
using CoachBot.Jobs.Hosting;
using Hangfire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CoachBot.Jobs.Escalations;

/// <summary>
/// Hourly ("missed-nudges"): reps whose last Escalations:MissedNudgesInARow sent nudges all went unanswered past their
/// follow-up time get one MissedNudges escalation, keyed by the first missed delivery of the run, so a rerun, a second
/// instance or a longer run raises nothing new. Paused or stopped reps are skipped; failed or expired sends never count.
/// </summary>
public sealed class MissedNudgesJob(
    NpgsqlDataSource dataSource, EscalationService escalations, TimeProvider clock, IOptions<EscalationOptions> escalationOptions,
    IOptions<JobsOptions> jobsOptions, ILogger<MissedNudgesJob> logger)
{
    public const string RecurringId = "missed-nudges";

    // Only reps with a miss this recent are re-examined; older runs were seen by earlier ticks.
    private static readonly TimeSpan Lookback = TimeSpan.FromDays(14);

    [Queue(JobQueues.Default)]
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var inARow = escalationOptions.Value.MissedNudgesInARow;
        var raised = 0;
        foreach (var (repId, missed, firstMissed) in await FindRunsAsync(inARow, cancellationToken))
        {
            if (await escalations.RaiseMissedNudgesAsync(repId, missed, firstMissed.ToString(), cancellationToken) is not null)
            {
                raised++;
            }
        }

        if (raised > 0)
        {
            Log.MissedNudgesChecked(logger, raised);
        }
    }

    private async Task<List<(long RepId, int Missed, Guid FirstMissed)>> FindRunsAsync(int inARow, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // A nudge is missed once its follow-up time has passed unanswered (follow_up_due_at is cleared after the follow-up
        // is created, so the plain FollowUpAfter is the fallback). The run starts after the rep's latest answered nudge.
        await using var command = dataSource.CreateCommand("""
            with candidates as (
                select distinct d.person_id from nudge_delivery d
                join rep_schedule s on s.person_id = d.person_id and not s.paused and not s.stopped
                where d.kind = 'nudge' and d.status = 'sent' and d.answered_at is null
                  and d.sent_at >= $1 - $4 and coalesce(d.follow_up_due_at, d.sent_at + $2) <= $1)
            select c.person_id, run.missed, run.first_id
            from candidates c
            cross join lateral (
                select max(a.slot_at) as at from nudge_delivery a
                where a.person_id = c.person_id and a.kind = 'nudge' and a.answered_at is not null) answered
            cross join lateral (
                select count(*)::int as missed, (array_agg(n.id order by n.slot_at, n.id))[1] as first_id
                from nudge_delivery n
                where n.person_id = c.person_id and n.kind = 'nudge' and n.status = 'sent' and n.answered_at is null
                  and (answered.at is null or n.slot_at > answered.at)
                  and coalesce(n.follow_up_due_at, n.sent_at + $2) <= $1) run
            where run.missed >= $3
            order by c.person_id
            """);
        command.Parameters.AddWithValue(now);
        command.Parameters.AddWithValue(jobsOptions.Value.FollowUpAfter);
        command.Parameters.AddWithValue(inARow);
        command.Parameters.AddWithValue(Lookback);
        var runs = new List<(long, int, Guid)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            runs.Add((reader.GetInt64(0), reader.GetInt32(1), reader.GetGuid(2)));
        }

        return runs;
    }
}
