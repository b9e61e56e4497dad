namespace CoachBot.Coaching.Escalations;

/// <summary>
/// Seam to the job scheduler (Hangfire in CoachBot.Jobs): durable timers that survive restarts.
/// Jobs check the escalation's state when they run, so a failed cancel is harmless.
/// </summary>
public interface IEscalationDeadlines
{
    /// <summary>Schedules the check for <paramref name="stage"/> at <paramref name="dueAt"/>; returns the job id.</summary>
    string Schedule(long escalationId, EscalationStage stage, DateTimeOffset dueAt);

    void Cancel(string jobId);
}
