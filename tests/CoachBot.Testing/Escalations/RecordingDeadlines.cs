using CoachBot.Coaching.Escalations;

namespace CoachBot.Testing.Escalations;

/// <summary>Records scheduled deadline checks instead of handing them to Hangfire; tests run the job class themselves.</summary>
public sealed class RecordingDeadlines : IEscalationDeadlines
{
    private readonly Lock _gate = new();
    private readonly List<(string JobId, long EscalationId, EscalationStage Stage, DateTimeOffset DueAt)> _scheduled = [];
    private readonly List<string> _cancelled = [];

    public IReadOnlyList<(string JobId, long EscalationId, EscalationStage Stage, DateTimeOffset DueAt)> Scheduled { get { lock (_gate) { return _scheduled.ToList(); } } }

    public IReadOnlyList<string> Cancelled { get { lock (_gate) { return _cancelled.ToList(); } } }

    public string Schedule(long escalationId, EscalationStage stage, DateTimeOffset dueAt)
    {
        lock (_gate)
        {
            var id = $"job-{_scheduled.Count + 1}";
            _scheduled.Add((id, escalationId, stage, dueAt));
            return id;
        }
    }

    public void Cancel(string jobId)
    {
        lock (_gate)
        {
            _cancelled.Add(jobId);
        }
    }
}
