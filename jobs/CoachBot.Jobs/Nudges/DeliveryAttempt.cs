using System.Diagnostics;
using CoachBot.Coaching.Chat;
using CoachBot.Coaching.Managers;
using CoachBot.Coaching.Nudges;
using CoachBot.Coaching.Scheduling;
using CoachBot.Coaching.Telemetry;
using CoachBot.Jobs.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachBot.Jobs.Nudges;

/// <summary>
/// Decides and performs one claimed delivery: skip, reconcile, or compose and send, then records the outcome.
/// Returns how long the whole workspace must back off when the platform said 429.
/// </summary>
internal sealed class DeliveryAttempt(
    DeliveryLedger ledger,
    INudgeSource nudges,
    IEnumerable<IChatMessenger> messengers,
    UnreachableRepNotice unreachable,
    TimeProvider clock,
    IOptions<JobsOptions> options,
    ILogger<DeliveryAttempt> logger)
{
    /// <summary>Sends starting this soon after the chunk's start count as now: their in-flight mark is that early at most.</summary>
    private static readonly TimeSpan TakeTogetherWithin = TimeSpan.FromMilliseconds(20);

    private readonly Dictionary<ChatPlatform, IChatMessenger> _messengers = messengers.ToDictionary(m => m.Platform);

    /// <summary><paramref name="prepaid"/>: the send's slot, reserved by its batch (null reserves as usual).</summary>
    public async Task<AttemptOutcome> RunAsync(ClaimedDelivery delivery, string owner, RateSlot? prepaid, CancellationToken cancellationToken) =>
        (await RunChunkAsync([new PacedDelivery(delivery, prepaid, TimeSpan.Zero)], owner, cancellationToken))[0];

    /// <summary>
    /// Runs a send chunk (one workspace or tenant, claimed together): each row is skipped, reconciled or composed, then
    /// the rows to send are taken in one statement, sent at their reserved spacing, and the sent ones recorded in one
    /// statement. The ledger costs two round trips per chunk instead of two per nudge, which is where the database time
    /// of a large send went. A crash between a send and that write leaves the row 'sending' under its lease; the lease
    /// sweep then hands it back with reconcile set, exactly as for a crash during the call itself.
    /// </summary>
    public async Task<AttemptOutcome[]> RunChunkAsync(IReadOnlyList<PacedDelivery> chunk, string owner, CancellationToken cancellationToken)
    {
        var outcomes = new AttemptOutcome[chunk.Count];
        var ready = new List<(int Index, CoachMessage Message)>();
        for (var i = 0; i < chunk.Count; i++)
        {
            var prepared = await PrepareAsync(chunk[i].Delivery, owner, cancellationToken);
            if (prepared.Message is { } message)
            {
                ready.Add((i, message));
            }
            else
            {
                outcomes[i] = prepared.Outcome!;
            }
        }

        if (ready.Count == 0)
        {
            return outcomes;
        }

        var messenger = _messengers[chunk[ready[0].Index].Delivery.Person.Platform];
        // Rows are taken together before the first send. Where the platform can be searched for a send (Slack) that is
        // every row; where it cannot (Teams) the take also marks the row in flight, so only the rows whose slot is now
        // are taken together and each later one just before its own call: a crash while a row waits for its slot must
        // not leave a mark saying it may have arrived, or it would be given up as unknown.
        var together = ready.Where(r => messenger.CanReconcile || chunk[r.Index].After <= TakeTogetherWithin).Select(r => chunk[r.Index].Delivery.Id).ToArray();
        var taken = together.Length == 0 ? new HashSet<Guid>()
            : await ledger.TakeForSendAsync(together, owner, clock.GetUtcNow(), options.Value.DeliveryLease, markInFlight: !messenger.CanReconcile, cancellationToken);
        var sent = new List<SentDelivery>();
        try
        {
            await Task.WhenAll(ready.Select(async r =>
            {
                var paced = chunk[r.Index];
                var takeFirst = !together.Contains(paced.Delivery.Id);
                if (!takeFirst && !taken.Contains(paced.Delivery.Id))
                {
                    Log.ClaimLost(logger, paced.Delivery.Id);
                    outcomes[r.Index] = AttemptOutcome.Done;
                    return;
                }

                outcomes[r.Index] = await SendAsync(paced, owner, messenger, r.Message, takeFirst, sent, cancellationToken);
            }));
        }
        finally
        {
            // Recorded even when the chunk is cancelled mid-way: these reached the platform.
            SentDelivery[] settled;
            lock (sent)
            {
                settled = [.. sent];
            }

            await ledger.MarkSentAsync(settled, owner, clock.GetUtcNow(), CancellationToken.None);
        }

        return outcomes;
    }

    /// <summary>A message to send, or the outcome when the row is settled without one (skipped, reconciled, failed).</summary>
    private async Task<(CoachMessage? Message, AttemptOutcome? Outcome)> PrepareAsync(ClaimedDelivery delivery, string owner, CancellationToken cancellationToken)
    {
        var skip = SkipReason(delivery);
        if (skip is not null)
        {
            await ledger.FinishAsync(delivery.Id, owner, skip.Value.Status, skip.Value.Error, CancellationToken.None);
            return (null, AttemptOutcome.Done);
        }

        var messenger = _messengers[delivery.Person.Platform];
        try
        {
            if (delivery.Reconcile && await ReconcileAsync(delivery, owner, messenger, cancellationToken))
            {
                return (null, AttemptOutcome.Done);
            }

            var message = delivery.IsFollowUp
                ? await nudges.ComposeFollowUpAsync(delivery.PersonId, delivery.Id, cancellationToken)
                : await nudges.ComposeNudgeAsync(delivery.PersonId, delivery.Id, delivery.SlotAt, cancellationToken);
            return (message with { DeliveryId = delivery.Id }, null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await ledger.ReleaseAsync(delivery.Id, owner, clock.GetUtcNow(), reconcile: false, CancellationToken.None);
            throw;
        }
        catch (ChatDeliveryException ex)
        {
            return (null, await FailAsync(delivery, owner, ex));
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutException or OperationCanceledException)
        {
            Log.SendCrashed(logger, delivery.Id, ex.GetType().Name);
            await RetryAsync(delivery, owner, ex.GetType().Name, mayHaveReached: false, retryAfter: null);
            return (null, AttemptOutcome.Done);
        }
    }

    private async Task<AttemptOutcome> SendAsync(PacedDelivery paced, string owner, IChatMessenger messenger, CoachMessage message, bool takeFirst, List<SentDelivery> sent, CancellationToken cancellationToken)
    {
        var delivery = paced.Delivery;
        // The platform's HTTP spans nest under this one, which names the delivery (never its text).
        using var activity = CoachBotActivities.Source.StartActivity("coachbot.delivery.attempt", ActivityKind.Internal);
        activity?.SetTag(CoachBotActivities.DeliveryId, delivery.Id.ToString());
        activity?.SetTag("coachbot.platform", delivery.Person.Platform == ChatPlatform.Slack ? "slack" : "teams");
        var mayHaveReached = false;
        try
        {
            if (paced.After > TimeSpan.Zero)
            {
                // The gate runs on the database clock, so this is real time even when tests fake the app clock.
                await Task.Delay(paced.After, cancellationToken);
            }

            if (takeFirst && !(await ledger.TakeForSendAsync([delivery.Id], owner, clock.GetUtcNow(), options.Value.DeliveryLease, markInFlight: true, cancellationToken)).Contains(delivery.Id))
            {
                Log.ClaimLost(logger, delivery.Id);
                return AttemptOutcome.Done;
            }

            mayHaveReached = true;
            var result = await messenger.SendDirectAsync(delivery.Person, message, paced.Slot, cancellationToken);
            lock (sent)
            {
                sent.Add(new SentDelivery(delivery.Id, result, FollowUpDue(delivery)));
            }

            return AttemptOutcome.Done;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Graceful shutdown: hand the row back at once; if the request was in flight, check before resending.
            await ledger.ReleaseAsync(delivery.Id, owner, clock.GetUtcNow(), mayHaveReached, CancellationToken.None);
            throw;
        }
        catch (ChatDeliveryException ex) when (ex.MayHaveArrived)
        {
            Log.SendFailed(logger, delivery.Id, ex.Kind, ex.Code);
            await OutcomeUnknownAsync(delivery, owner, messenger, ex.Code);
            return AttemptOutcome.Done;
        }
        catch (ChatDeliveryException ex)
        {
            return await FailAsync(delivery, owner, ex);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutException or OperationCanceledException)
        {
            Log.SendCrashed(logger, delivery.Id, ex.GetType().Name);
            await OutcomeUnknownAsync(delivery, owner, messenger, ex.GetType().Name);
            return AttemptOutcome.Done;
        }
    }

    /// <summary>
    /// The call failed after it may have reached the platform. Where the platform can be searched the retry looks
    /// first (reconcile); where it cannot, the configured policy decides between "unknown" and a resend.
    /// </summary>
    private Task OutcomeUnknownAsync(ClaimedDelivery delivery, string owner, IChatMessenger messenger, string error)
    {
        if (messenger.CanReconcile || options.Value.UnknownOutcomePolicy == UnknownOutcomePolicy.AtLeastOnce)
        {
            return RetryAsync(delivery, owner, error, mayHaveReached: true, retryAfter: null);
        }

        Log.Unknown(logger, delivery.Id, error);
        return ledger.FinishAsync(delivery.Id, owner, "unknown", error, CancellationToken.None);
    }

    private (string Status, string Error)? SkipReason(ClaimedDelivery delivery) => delivery switch
    {
        { WorkspaceEnabled: false } => ("failed", "workspace_disabled"),
        { Reachable: false } => ("failed", "unreachable"),
        { Active: false } => ("expired", "paused"),
        { IsFollowUp: true, ParentAnswered: true } => ("expired", "answered"),
        _ when !_messengers.ContainsKey(delivery.Person.Platform) => ("failed", "platform_not_configured"),
        _ => null,
    };

    /// <summary>True when the outcome is settled without sending (found, unknown, or too late to resend).</summary>
    private async Task<bool> ReconcileAsync(ClaimedDelivery delivery, string owner, IChatMessenger messenger, CancellationToken cancellationToken)
    {
        if (!messenger.CanReconcile)
        {
            // Claimed but never handed to the platform (no in-flight mark): it cannot have arrived, so just send.
            if (!delivery.WasInFlight || options.Value.UnknownOutcomePolicy == UnknownOutcomePolicy.AtLeastOnce)
            {
                return false;
            }

            await ledger.FinishAsync(delivery.Id, owner, "unknown", "crashed_mid_send", CancellationToken.None);
            Log.Unknown(logger, delivery.Id, "crashed_mid_send");
            return true;
        }

        var found = await messenger.FindDeliveryAsync(delivery.Person, delivery.Id, delivery.SlotAt.AddMinutes(-5), cancellationToken);
        if (found is not null)
        {
            await ledger.MarkSentAsync([new SentDelivery(delivery.Id, found, FollowUpDue(delivery))], owner, clock.GetUtcNow(), CancellationToken.None);
            Log.Reconciled(logger, delivery.Id, true);
            return true;
        }

        Log.Reconciled(logger, delivery.Id, false);
        if (clock.GetUtcNow() - delivery.SlotAt > options.Value.MaxLateness)
        {
            await ledger.FinishAsync(delivery.Id, owner, "expired", "late", CancellationToken.None);
            return true;
        }

        return false;
    }

    private async Task<AttemptOutcome> FailAsync(ClaimedDelivery delivery, string owner, ChatDeliveryException ex)
    {
        Log.SendFailed(logger, delivery.Id, ex.Kind, ex.Code);
        switch (ex.Kind)
        {
            case ChatFailureKind.Retryable:
                await RetryAsync(delivery, owner, ex.Code, mayHaveReached: false, ex.RetryAfter);
                return ex.RetryAfter is { } wait ? new AttemptOutcome(wait) : AttemptOutcome.Done;
            case ChatFailureKind.Unreachable:
                await ledger.FinishAsync(delivery.Id, owner, "failed", ex.Code, CancellationToken.None);
                await ledger.MarkUnreachableAsync(delivery.PersonId, ex.Code, CancellationToken.None);
                await unreachable.NotifyManagerAsync(delivery.PersonId, CancellationToken.None);
                return AttemptOutcome.Done;
            case ChatFailureKind.WorkspaceFatal:
                await ledger.FinishAsync(delivery.Id, owner, "failed", ex.Code, CancellationToken.None);
                await ledger.DisableWorkspaceAsync(delivery.Person, ex.Code, CancellationToken.None);
                return AttemptOutcome.Done;
            default:
                await ledger.FinishAsync(delivery.Id, owner, "failed", ex.Code, CancellationToken.None);
                return AttemptOutcome.Done;
        }
    }

    private Task RetryAsync(ClaimedDelivery delivery, string owner, string error, bool mayHaveReached, TimeSpan? retryAfter)
    {
        // Jittered backoff (8–64 s) unless the platform named its own wait.
        var backoff = retryAfter ?? TimeSpan.FromSeconds(Math.Pow(2, Random.Shared.Next(3, 7)));
        return ledger.RetryAsync(delivery.Id, owner, clock.GetUtcNow() + backoff, error, mayHaveReached, options.Value.MaxAttempts, CancellationToken.None);
    }

    private DateTimeOffset? FollowUpDue(ClaimedDelivery delivery) =>
        delivery.IsFollowUp || delivery.Schedule is null ? null : FollowUpTiming.Due(delivery.Schedule, clock.GetUtcNow(), options.Value.FollowUpAfter);
}

/// <summary>A claimed delivery with the rate slot its batch reserved for it and how long after the chunk's start it goes.</summary>
internal sealed record PacedDelivery(ClaimedDelivery Delivery, RateSlot? Slot, TimeSpan After);

/// <summary>A send the platform accepted, waiting for the chunk's one ledger write.</summary>
internal sealed record SentDelivery(Guid Id, SentMessage Sent, DateTimeOffset? FollowUpDue);

internal sealed record AttemptOutcome(TimeSpan? BlockFor)
{
    public static readonly AttemptOutcome Done = new((TimeSpan?)null);
}
