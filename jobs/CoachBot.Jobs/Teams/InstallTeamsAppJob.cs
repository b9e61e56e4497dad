using System.Collections.Concurrent;
using CoachBot.Coaching.Chat;
using CoachBot.Coaching.Escalations;
using CoachBot.Coaching.Managers;
using CoachBot.Coaching.People;
using CoachBot.Jobs.Hosting;
using CoachBot.Platforms.Teams;
using CoachBot.Platforms.Teams.Graph;
using Hangfire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachBot.Jobs.Teams;

/// <summary>
/// `install teams`: turns the tenant's roster rows known only by email into people, then installs CoachBot through Graph
/// for every Teams person it cannot reach, a claimed batch at a time with a few installs in flight, and tells the admin
/// who asked what happened. Re-runs and other instances skip claimed rows and people.
/// </summary>
public sealed class InstallTeamsAppJob(
    RosterResolver roster, TeamsAppInstallations installations, TeamsAppInstaller installer, ConversationReferenceStore references, PersonDirectory people,
    ChatMessengers messengers, UnreachableRepNotice notice, IOptions<TeamsOptions> teams, IOptions<TeamsGraphOptions> graph,
    ILogger<InstallTeamsAppJob> logger)
{
    private static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(10);

    [Queue(JobQueues.Default)]
    public async Task RunAsync(long requestedBy, CancellationToken cancellationToken)
    {
        if (!graph.Value.Enabled)
        {
            await TellAsync(requestedBy, ReachAdvice.GraphNotConfigured, cancellationToken);
            return;
        }

        var tenant = teams.Value.TenantId;
        var serviceUrl = await references.FindTenantServiceUrlAsync(tenant, cancellationToken) ?? graph.Value.DefaultServiceUrl;
        var runId = Guid.NewGuid();
        var outcomes = new ConcurrentBag<string>();
        await roster.ResolveAsync(tenant, runId, outcomes, cancellationToken);
        var permissionMissing = false;
        while (!permissionMissing)
        {
            var batch = await installations.ClaimAsync(tenant, runId, graph.Value.BatchSize, ClaimFor, cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            await Parallel.ForEachAsync(batch, new ParallelOptions { MaxDegreeOfParallelism = graph.Value.MaxConcurrency, CancellationToken = cancellationToken },
                async (candidate, ct) =>
                {
                    // Missing permission fails everyone alike: record it for the rest without asking Graph again.
                    var outcome = Volatile.Read(ref permissionMissing)
                        ? ReachAdvice.GraphPermissionMissing
                        : await InstallAsync(candidate, serviceUrl, ct);
                    if (outcome == ReachAdvice.GraphPermissionMissing)
                    {
                        Volatile.Write(ref permissionMissing, true);
                    }

                    outcomes.Add(outcome);
                });
        }

        await TellAsync(requestedBy, InstallReport.Summarize([.. outcomes]), cancellationToken);
    }

    private async Task<string> InstallAsync(TeamsAppInstallations.Candidate candidate, string serviceUrl, CancellationToken cancellationToken)
    {
        try
        {
            var created = await installer.InstallAsync(candidate.AadObjectId, serviceUrl, cancellationToken);
            await installations.InstalledAsync(candidate.PersonId, cancellationToken);
            GraphLogForJobs.Installed(logger, candidate.PersonId, created);
            return created ? InstallReport.Installed : InstallReport.AlreadyInstalled;
        }
        catch (GraphException ex)
        {
            var reason = ex.Failure switch
            {
                GraphFailure.UserNotFound => ReachAdvice.GraphUserNotFound,
                GraphFailure.PermissionMissing => ReachAdvice.GraphPermissionMissing,
                GraphFailure.BlockedByPolicy => ReachAdvice.GraphBlockedByPolicy,
                GraphFailure.Throttled => ReachAdvice.GraphThrottled,
                _ => ReachAdvice.GraphFailed,
            };
            GraphLogForJobs.InstallFailed(logger, candidate.PersonId, ex.Failure, ex.Code);
            if (await installations.FailedAsync(candidate.PersonId, reason, CancellationToken.None))
            {
                // A rep CoachBot never reached and now knows it cannot: their manager hears once, as for any other loss.
                await notice.NotifyManagerAsync(candidate.PersonId, CancellationToken.None);
            }

            return reason;
        }
    }

    private async Task TellAsync(long personId, string text, CancellationToken cancellationToken)
    {
        if (await people.GetAsync(personId, cancellationToken) is not { } admin)
        {
            return;
        }

        try
        {
            await messengers.For(admin.Key.Platform).SendDirectAsync(admin.Key, CoachMessage.Plain(text), cancellationToken);
        }
        catch (ChatDeliveryException ex)
        {
            GraphLogForJobs.ReportNotDelivered(logger, personId, ex.Code);
        }
    }
}
