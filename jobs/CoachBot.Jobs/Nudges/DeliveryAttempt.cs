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
    private readonly Dictionary<ChatPlatform, IChatMessenger> _messengers = messengers.ToDictionary(m => m.Platform);

    /// <summary><paramref name="prepaid"/>: the send's slot, reserved by its batch (null reserves as usual).</summary>
    public async Task<AttemptOutcome> RunAsync(ClaimedDelivery delivery, string owner, RateSlot? prepaid, CancellationToken cancellationToken)
    {
        // The platform's HTTP spans nest under this one, which names the delivery (never its text).
        using var activity = CoachBotActivities.Source.StartActivity("coachbot.delivery.attempt", ActivityKind.Internal);
        activity?.SetTag(CoachBotActivities.DeliveryId, delivery.Id.ToString());
        activity?.SetTag("coachbot.platform", delivery.Person.Platform == ChatPlatform.Slack ? "slack" : "teams");
        var skip = SkipReason(delivery);
        if (skip is not null)
        {
            await ledger.FinishAsync(delivery.Id, owner, skip.Value.Status, skip.Value.Error, CancellationToken.None);
            return AttemptOutcome.Done;
        }

        var messenger = _messengers[delivery.Person.Platform];
        var mayHaveReached = false;
        try
        {
            if (delivery.Reconcile && await ReconcileAsync(delivery, owner, messenger, cancellationToken))
            {
                return AttemptOutcome.Done;
            }

            var message = delivery.IsFollowUp
                ? await nudges.ComposeFollowUpAsync(delivery.PersonId, delivery.Id, cancellationToken)
                : await nudges.ComposeNudgeAsync(delivery.PersonId, delivery.Id, delivery.SlotAt, cancellationToken);
            if (!await ledger.TakeForSendAsync(delivery.Id, owner, clock.GetUtcNow(), options.Value.DeliveryLease, markInFlight: !messenger.CanReconcile, cancellationToken))
            {
                Log.ClaimLost(logger, delivery.Id);
                return AttemptOutcome.Done;
            }

            mayHaveReached = true;
            var sent = await messenger.SendDirectAsync(delivery.Person, message with { DeliveryId = delivery.Id }, prepaid, cancellationToken);
            await ledger.MarkSentAsync(delivery.Id, owner, sent, clock.GetUtcNow(), FollowUpDue(delivery), CancellationToken.None);
            return AttemptOutcome.Done;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Graceful shutdown: hand the row back at once; if the request was in flight, check before resending.
            await ledger.ReleaseAsync(delivery.Id, owner, clock.GetUtcNow(), mayHaveReached, CancellationToken.None);
            throw;
        }
        catch (ChatDeliveryException ex) when (mayHaveReached && ex.MayHaveArrived)
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
            if (mayHaveReached)
            {
                await OutcomeUnknownAsync(delivery, owner, messenger, ex.GetType().Name);
            }
            else
            {
                await RetryAsync(delivery, owner, ex.GetType().Name, mayHaveReached: false, retryAfter: null);
            }

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
            await ledger.MarkSentAsync(delivery.Id, owner, found, clock.GetUtcNow(), FollowUpDue(delivery), CancellationToken.None);
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
                await unreachable.NotifyManagerAsync(delivery.PersonId, ex.Code, CancellationToken.None);
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

internal sealed record AttemptOutcome(TimeSpan? BlockFor)
{
    public static readonly AttemptOutcome Done = new((TimeSpan?)null);
}
