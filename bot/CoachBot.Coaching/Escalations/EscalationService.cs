using CoachBot.Coaching.People;
using Dapper;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CoachBot.Coaching.Escalations;

/// <summary>Opens escalations: from the rep conversation (with consent), the scheduler (missed nudges) and shared-reply keywords.</summary>
public sealed class EscalationService(
    EscalationStore store, PersonDirectory people, EscalationNotifier notifier, EscalationDeadlinePlanner planner, AuditLog audit,
    NpgsqlDataSource dataSource, IOptions<EscalationOptions> options, TimeProvider clock, ILogger<EscalationService> logger) : IEscalations
{
    private const int MaxSharedLength = 3000;

    public async Task<string> RaiseAsync(EscalationRequest request, CancellationToken cancellationToken)
    {
        var rep = await people.GetAsync(request.RepPersonId, cancellationToken)
            ?? throw new ArgumentException($"Unknown person {request.RepPersonId}", nameof(request));
        // Missed nudges never carry words: the rep did not write anything to share.
        var shared = request.Reason == EscalationReason.MissedNudges ? null : request.SharedText?.Trim();
        shared = string.IsNullOrEmpty(shared) ? null : shared.Length > MaxSharedLength ? shared[..MaxSharedLength] : shared;
        var now = clock.GetUtcNow();

        var id = await store.TryInsertAsync(rep.WorkspaceId, rep.Id, rep.ManagerId, request.Reason, request.Reason.DefaultSeverity(),
            shared, request.IdempotencyKey, now, cancellationToken);
        if (id is null)
        {
            return EscalationId.Format((await store.FindByKeyAsync(request.IdempotencyKey, cancellationToken))!.Value);
        }

        var escalation = (await store.GetAsync(id.Value, cancellationToken))!;
        Log.Raised(logger, escalation.ShortId, request.Reason, rep.Id);
        var actor = request.Reason is EscalationReason.NeedHelp or EscalationReason.LowConfidence ? rep.Id : (long?)null;
        await audit.WriteAsync(actor, AuditActions.EscalationRaised, rep.Id, $"{escalation.ShortId} {request.Reason.ToDb()}", cancellationToken);

        escalation = await notifier.PostCardAsync(escalation, cancellationToken);
        escalation = await planner.ScheduleAsync(escalation, now, cancellationToken);
        if (request.Reason == EscalationReason.MissedNudges)
        {
            await notifier.SendDirectAsync(escalation, rep.Id, RepUpdates.RaisedForMissedNudges(escalation), cancellationToken);
        }

        return escalation.ShortId;
    }

    /// <summary>
    /// Called by the scheduler with the rep's current run of missed nudges. Raises once per run
    /// (<paramref name="streakKey"/> names the run, e.g. the first missed delivery id) and never twice while one is open.
    /// </summary>
    public async Task<string?> RaiseMissedNudgesAsync(long repId, int missedInARow, string streakKey, CancellationToken cancellationToken)
    {
        if (missedInARow < options.Value.MissedNudgesInARow)
        {
            return null;
        }

        if (await store.FindOpenAsync(repId, EscalationReason.MissedNudges, cancellationToken) is { } open)
        {
            return EscalationId.Format(open);
        }

        return await RaiseAsync(new EscalationRequest(repId, EscalationReason.MissedNudges, null, $"missed:{repId}:{streakKey}"), cancellationToken);
    }

    /// <summary>
    /// Checks a reply the rep chose to share for the workspace's watched keywords and raises a Keyword escalation on a match.
    /// Only call this with text the rep agreed to share. Returns the escalation id, or null when nothing matched.
    /// </summary>
    public async Task<string?> CheckKeywordsAsync(long repId, string sharedText, string idempotencyKey, CancellationToken cancellationToken)
    {
        var rep = await people.GetAsync(repId, cancellationToken);
        if (rep is null || string.IsNullOrWhiteSpace(sharedText))
        {
            return null;
        }

        var keywords = options.Value.Keywords.Concat(await WorkspaceKeywordsAsync(rep.WorkspaceId, cancellationToken));
        return KeywordMatcher.FindFirst(sharedText, keywords) is null
            ? null
            : await RaiseAsync(new EscalationRequest(repId, EscalationReason.Keyword, sharedText, idempotencyKey), cancellationToken);
    }

    public async Task<IReadOnlyList<string>> WorkspaceKeywordsAsync(long workspaceId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<string>(new CommandDefinition(
            "select keyword from escalation_keyword where workspace_id = @workspaceId order by keyword",
            new { workspaceId }, cancellationToken: cancellationToken))).ToList();
    }
}
