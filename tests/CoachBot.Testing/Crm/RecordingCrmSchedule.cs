using System.Collections.Concurrent;
using CoachBot.Coaching.Crm;

namespace CoachBot.Testing.Crm;

/// <summary>The sync schedule without Hangfire: records what would have been scheduled, so tests can run the job themselves.</summary>
public sealed class RecordingCrmSchedule : ICrmSyncSchedule
{
    private readonly ConcurrentQueue<string> _calls = new();

    public string? NotReady => null;

    /// <summary>"schedule 7", "unschedule 7", "now 7", "after 7 00:00:30".</summary>
    public IReadOnlyList<string> Calls => [.. _calls];

    public void Schedule(long connectionId) => _calls.Enqueue($"schedule {connectionId}");

    public void Unschedule(long connectionId) => _calls.Enqueue($"unschedule {connectionId}");

    public void RunNow(long connectionId) => _calls.Enqueue($"now {connectionId}");

    public void RunAfter(long connectionId, TimeSpan delay) => _calls.Enqueue($"after {connectionId} {delay:c}");
}
