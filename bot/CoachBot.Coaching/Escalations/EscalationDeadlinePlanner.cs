using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachBot.Coaching.Escalations;

/// <summary>Works out the owner's reminder and skip-level moments in working time and schedules one durable job for each.</summary>
public sealed class EscalationDeadlinePlanner(
    EscalationStore store, OwnerCalendar calendar, IEscalationDeadlines deadlines, IOptions<EscalationOptions> options,
    ILogger<EscalationDeadlinePlanner> logger)
{
    public async Task<Escalation> ScheduleAsync(Escalation escalation, DateTimeOffset from, CancellationToken cancellationToken)
    {
        var (hours, zone) = await calendar.ForAsync(escalation.OwnerId, cancellationToken);
        var ackDue = hours.Add(from, options.Value.AckDeadline, zone);
        var skipDue = hours.Add(ackDue, options.Value.SkipLevelAfter, zone);
        var reminderJob = deadlines.Schedule(escalation.Id, EscalationStage.Reminder, ackDue);
        var skipJob = deadlines.Schedule(escalation.Id, EscalationStage.SkipLevel, skipDue);
        var changed = await store.ScheduleDeadlinesAsync(escalation.Id, ackDue, skipDue, reminderJob, skipJob, cancellationToken);
        return changed ?? escalation;
    }

    /// <summary>Moves one stage's check to later (a snoozed escalation), keeping the stored job id current.</summary>
    public async Task RescheduleAsync(Escalation escalation, EscalationStage stage, DateTimeOffset dueAt, CancellationToken cancellationToken)
    {
        var jobId = deadlines.Schedule(escalation.Id, stage, dueAt);
        await store.ReplaceStageJobAsync(escalation.Id, stage, jobId, cancellationToken);
    }

    public void Cancel(Escalation escalation)
    {
        foreach (var jobId in new[] { escalation.ReminderJobId, escalation.SkipLevelJobId })
        {
            if (jobId is null)
            {
                continue;
            }

            try
            {
                deadlines.Cancel(jobId);
            }
            catch (Exception ex)
            {
                // The job re-checks the state when it runs, so a job that could not be deleted does nothing.
                Log.CancelFailed(logger, ex, jobId);
            }
        }
    }
}
