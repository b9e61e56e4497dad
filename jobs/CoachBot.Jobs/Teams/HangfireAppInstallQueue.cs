using CoachBot.Coaching.Managers;
using CoachBot.Platforms.Teams.Graph;
using Hangfire;
using Microsoft.Extensions.Options;

namespace CoachBot.Jobs.Teams;

/// <summary>`install teams` as a Hangfire job, once Teams:Graph is configured.</summary>
public sealed class HangfireAppInstallQueue(IBackgroundJobClient jobs, IOptions<TeamsGraphOptions> graph) : IAppInstallQueue
{
    public string? NotReady => graph.Value.Enabled ? null : ReachAdvice.GraphNotConfigured;

    public void Queue(long requestedBy) => jobs.Enqueue<InstallTeamsAppJob>(job => job.RunAsync(requestedBy, CancellationToken.None));
}
