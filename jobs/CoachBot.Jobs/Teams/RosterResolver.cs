using System.Collections.Concurrent;
using CoachBot.Coaching.Chat;
using CoachBot.Coaching.Managers;
using CoachBot.Coaching.Onboarding;
using CoachBot.Coaching.People;
using CoachBot.Platforms.Teams.Graph;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachBot.Jobs.Teams;

/// <summary>
/// The first half of `install teams`: roster rows known only by email become people. Graph finds the user by their
/// sign-in name, the ordinary registration creates the person (their AAD object id, the roster's role and time zone,
/// a rep profile and schedule) and applies the roster, and the install half then finds them like any other person.
/// </summary>
public sealed class RosterResolver(
    RosterInstallations roster, GraphClient graph, PersonDirectory people, RosterImport import, IOptions<TeamsGraphOptions> options,
    ILogger<RosterResolver> logger)
{
    private static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(10);

    /// <summary>Adds a reason code to <paramref name="failures"/> for every row that stays a roster row.</summary>
    public async Task ResolveAsync(string tenantId, Guid runId, ConcurrentBag<string> failures, CancellationToken cancellationToken)
    {
        var readMissing = false;
        while (!readMissing)
        {
            var batch = await roster.ClaimAsync(tenantId, runId, options.Value.BatchSize, ClaimFor, cancellationToken);
            if (batch.Count == 0)
            {
                return;
            }

            await Parallel.ForEachAsync(batch, new ParallelOptions { MaxDegreeOfParallelism = options.Value.MaxConcurrency, CancellationToken = cancellationToken },
                async (entry, ct) =>
                {
                    // Without User.Read.All every lookup fails alike: note it for the rest of the batch without asking Graph.
                    var failure = Volatile.Read(ref readMissing) ? ReachAdvice.GraphUserReadMissing : await ResolveOneAsync(tenantId, entry, ct);
                    if (failure is null)
                    {
                        return;
                    }

                    if (failure == ReachAdvice.GraphUserReadMissing)
                    {
                        Volatile.Write(ref readMissing, true);
                    }

                    await roster.FailedAsync(entry, failure, CancellationToken.None);
                    failures.Add(failure);
                });
        }
    }

    private async Task<string?> ResolveOneAsync(string tenantId, RosterInstallations.Entry entry, CancellationToken cancellationToken)
    {
        GraphUser user;
        try
        {
            user = await graph.GetUserAsync(entry.Email, cancellationToken);
        }
        catch (GraphException ex)
        {
            GraphLogForJobs.RosterLookupFailed(logger, entry.WorkspaceId, ex.Failure, ex.Code);
            return ex.Failure switch
            {
                GraphFailure.UserNotFound => ReachAdvice.GraphNotInTenant,
                GraphFailure.PermissionMissing => ReachAdvice.GraphUserReadMissing,
                GraphFailure.Throttled => ReachAdvice.GraphThrottled,
                _ => ReachAdvice.GraphFailed,
            };
        }

        // The roster's email, not Graph's mail: it is what the roster row and the manager links match on.
        var sender = new Sender(new PersonKey(ChatPlatform.Teams, tenantId, user.Id), user.DisplayName ?? entry.Name ?? entry.Email, entry.Email);
        var registration = await people.RegisterAsync(sender, new RegistrationRules(CreateRepProfile: true, FirstStep: OnboardingFlow.FirstStep), cancellationToken);
        await import.ApplyPendingAsync(registration.Person.Id, cancellationToken);
        await roster.ResolvedAsync(entry, registration.Person.Id, cancellationToken);
        GraphLogForJobs.RosterResolved(logger, entry.WorkspaceId, registration.Person.Id);
        return null;
    }
}
