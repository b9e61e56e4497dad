namespace CoachBot.Coaching.Crm;

/// <summary>
/// Runs a connection's sync (a Hangfire recurring job per connection, in CoachBot.Jobs). <see cref="NotReady"/> says why
/// syncing cannot run in this host, or is null.
/// </summary>
public interface ICrmSyncSchedule
{
    string? NotReady { get; }

    /// <summary>Adds or updates the connection's recurring sync (idempotent).</summary>
    void Schedule(long connectionId);

    void Unschedule(long connectionId);

    void RunNow(long connectionId);

    /// <summary>One run after <paramref name="delay"/>: when the CRM said when its allowance returns.</summary>
    void RunAfter(long connectionId, TimeSpan delay);
}

/// <summary>A host without the jobs: connections are stored but nothing syncs them.</summary>
public sealed class NoCrmSyncSchedule : ICrmSyncSchedule
{
    public string? NotReady => "This CoachBot host runs no background jobs, so it cannot sync a CRM (set Jobs:RunServer on one instance).";

    public void Schedule(long connectionId)
    {
    }

    public void Unschedule(long connectionId)
    {
    }

    public void RunNow(long connectionId)
    {
    }

    public void RunAfter(long connectionId, TimeSpan delay)
    {
    }
}
