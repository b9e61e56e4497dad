namespace CoachBot.Coaching.Managers;

/// <summary>
/// Installs the Teams app for reps CoachBot cannot reach (Microsoft Graph, in CoachBot.Jobs). <see cref="NotReady"/> is
/// what the admin must configure first, or null when installing can start.
/// </summary>
public interface IAppInstallQueue
{
    string? NotReady { get; }

    /// <summary>Queues one run for every unreachable or never-reached Teams rep; the requester hears the outcome.</summary>
    void Queue(long requestedBy);
}

/// <summary>A host without the jobs (or without Teams): installing is not possible here.</summary>
public sealed class NoAppInstallQueue : IAppInstallQueue
{
    public string? NotReady => ReachAdvice.GraphNotConfigured;

    public void Queue(long requestedBy) => throw new InvalidOperationException(NotReady);
}
