using System.Globalization;
using CoachBot.Coaching.Chat;
using CoachBot.Coaching.Nudges;
using CoachBot.Coaching.Nudges.Composing;
using CoachBot.Coaching.Nudges.History;
using CoachBot.Coaching.Nudges.Library;
using CoachBot.Coaching.Profiles;
using CoachBot.Coaching.Scheduling;
using Microsoft.Extensions.Logging;

namespace CoachBot.Coaching.Conversation;

/// <summary>
/// Done, Remind me later, Need help and the 1–5 confidence rating on a nudge. Only the rep the delivery was sent to
/// may answer it; any other press (someone else's, or no such delivery) is told the button expired and changes
/// nothing. Each press is recorded once per delivery, acknowledged in the rep's style, and the nudge is redrawn with
/// its new state and the buttons that still make sense. "Remind me later" brings back this nudge only; it never
/// touches the rep's schedule, so it cannot shorten a snooze or pause they set. Need help or a 1–2 rating only
/// offers escalation; nothing is shared here.
/// </summary>
public sealed class NudgeResponses(
    NudgeResponseStore store,
    RepScheduleStore schedules,
    EscalationOffers offers,
    RepStreaks streaks,
    INudgeRecall recall,
    NudgeHistory history,
    NudgeDeliveries deliveries,
    NudgeLibrary library,
    TimeProvider time,
    ILogger<NudgeResponses> logger)
{
    private const int LowConfidence = 2;

    /// <summary>How much of the rep's working time passes before a nudge they asked to be reminded of comes back.</summary>
    public static readonly TimeSpan RemindAfter = TimeSpan.FromHours(1);

    public const string Expired = "That button has expired.";

    public async Task<InboxReply> HandleAsync(RepProfile profile, InboundAction action, CancellationToken cancellationToken)
    {
        if (!TryParse(action, out var deliveryId, out var rating))
        {
            return InboxReply.Say(Expired);
        }

        var personId = profile.PersonId;
        var owner = await deliveries.OwnerAsync(deliveryId, cancellationToken);
        if (owner != personId)
        {
            if (owner is not null)
            {
                ConversationLog.ForeignDelivery(logger, personId);
            }

            return InboxReply.Say(Expired);
        }

        var now = time.GetUtcNow();
        var state = await store.RecordAsync(deliveryId, personId, action.ActionId, rating, profile.Style, now, cancellationToken);
        if (state is null)
        {
            return InboxReply.Say(Expired);
        }

        // Any other press answers the nudge: its follow-up is not sent. "Remind me later" leaves it open, because the
        // reminder is that follow-up. The history learns which wording this rep answers, and how fast.
        if (action.ActionId != NudgeActions.Snooze)
        {
            await deliveries.MarkAnsweredAsync(deliveryId, cancellationToken);
        }

        await history.RecordResponseAsync(deliveryId, ToHistoryResponse(action.ActionId), rating, now, cancellationToken);

        var seed = deliveryId.GetHashCode();
        var messages = new List<CoachMessage>();
        switch (action.ActionId)
        {
            case NudgeActions.Done:
                var streak = await streaks.ForAsync(personId, cancellationToken);
                messages.Add(CoachMessage.Plain($"{StyleAcks.For(profile.Style, StyleAcks.Kind.Done, seed)} {StreakLine(streak)}"));
                break;
            case NudgeActions.Snooze:
                messages.Add(CoachMessage.Plain(await RemindLaterAsync(personId, deliveryId, now, cancellationToken)));
                break;
            case NudgeActions.NeedHelp:
                // Real help for this nudge first; the manager is offered after it, for when the help was not enough.
                messages.Add(CoachMessage.Plain(await HelpForAsync(profile, deliveryId, cancellationToken)));
                await AddOfferAsync(messages, personId, deliveryId, EscalationOfferStore.NeedHelp, cancellationToken);
                break;
            case NudgeActions.Rate:
                messages.Add(CoachMessage.Plain(StyleAcks.For(profile.Style, StyleAcks.Kind.Rating, seed)));
                if (rating <= LowConfidence)
                {
                    await AddOfferAsync(messages, personId, deliveryId, EscalationOfferStore.LowConfidence, cancellationToken);
                }

                break;
        }

        var original = await recall.RecallAsync(personId, deliveryId, cancellationToken);
        return new InboxReply(messages) { UpdatedSource = Redraw(original, deliveryId, state) };
    }

    private async Task<string> HelpForAsync(RepProfile profile, Guid deliveryId, CancellationToken cancellationToken)
    {
        var sent = await history.FindAsync(deliveryId, cancellationToken);
        var style = profile.Style ?? sent?.Style;
        return sent is not null && library.Find(sent.IntentId) is { } intent && style is { } s && intent.Help.TryGetValue(s, out var help)
            ? $"{CoachAnswers.Help(style, help)}\n{CoachAnswers.StillStuck(style)}"
            : CoachAnswers.NoHelpWritten;
    }

    private async Task<string> RemindLaterAsync(long personId, Guid deliveryId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string Others = "Your other nudges are not affected; to hold all of them, type e.g. `snooze 3d` or `pause until friday`.";
        var schedule = await schedules.GetAsync(personId, cancellationToken);
        if (schedule is null or { Paused: true } or { Stopped: true })
        {
            return "Your nudges are paused, so this one won't come back by itself. Type `resume` when you want nudges again.";
        }

        // Never inside a snooze the rep set: the reminder waits for it to end.
        var from = schedule.IsSnoozed(now) ? schedule.SnoozedUntil!.Value : now;
        if (FollowUpTiming.Due(schedule.ToSlots(), from, RemindAfter) is not { } at)
        {
            return $"I couldn't find a time inside your working hours to bring this back. Answer it whenever you're ready. {Others}";
        }

        if (!await deliveries.RemindLaterAsync(deliveryId, at, cancellationToken))
        {
            return "This nudge has already come back once, so I won't remind you again. Answer it whenever you're ready.";
        }

        var after = schedule.IsSnoozed(now) ? ", after your snooze ends" : "";
        return $"Okay, I'll bring this nudge back {LocalTimeText.Format(at, schedule.TimeZone, now)}{after}. {Others}";
    }

    private static NudgeResponse ToHistoryResponse(string actionId) => actionId switch
    {
        NudgeActions.Done => NudgeResponse.Done,
        NudgeActions.Snooze => NudgeResponse.Snoozed,
        NudgeActions.NeedHelp => NudgeResponse.NeedHelp,
        _ => NudgeResponse.Rated,
    };

    /// <summary>
    /// The nudge as it was sent (text and context line), its state, and the buttons that still make sense: Done until done,
    /// Remind me later until done or asked, Need help until asked, the rating until rated.
    /// </summary>
    public static CoachMessage Redraw(CoachMessage? original, Guid deliveryId, NudgeResponseStore.State state)
    {
        var status = string.Join(" · ", new[]
        {
            state.Done ? "✓ Done" : null,
            state.Snoozed ? "Reminder asked for" : null,
            state.NeedHelp ? "Asked for help" : null,
            state.Rating is { } r ? $"Confidence {r}/5" : null,
        }.OfType<string>());
        var blocks = (original?.Blocks ?? [])
            .Where(b => (b is not ActionsBlock || Goals.GoalButtons.IsLogRow(b)) && b is not ContextBlock { Text: NudgeMessage.RatingPrompt })
            .ToList();
        blocks.Add(new ContextBlock(status));
        if (NudgeMessage.AnswerButtons(deliveryId, done: !state.Done, remind: !state.Done && !state.Snoozed, help: !state.NeedHelp) is { } answers)
        {
            blocks.Add(answers);
        }

        if (state.Rating is null)
        {
            blocks.Add(new ContextBlock(NudgeMessage.RatingPrompt));
            blocks.Add(NudgeMessage.RatingButtons(deliveryId));
        }

        return new CoachMessage(original?.Content ?? status, blocks) { DeliveryId = deliveryId };
    }

    private async Task AddOfferAsync(List<CoachMessage> messages, long personId, Guid deliveryId, string reason, CancellationToken cancellationToken)
    {
        if (await offers.OfferAsync(personId, deliveryId, reason, cancellationToken) is { } offer)
        {
            messages.Add(offer);
        }
    }

    private static string StreakLine(StreakCalculator.Streaks streak) => streak.Current switch
    {
        <= 1 => "",
        _ when streak.Current >= streak.Best => $"Streak: {streak.Current} nudges in a row, your personal best.",
        _ => $"Streak: {streak.Current} nudges in a row (your best: {streak.Best}).",
    };

    private static bool TryParse(InboundAction action, out Guid deliveryId, out int? rating)
    {
        rating = null;
        if (action.ActionId is NudgeActions.Done or NudgeActions.Snooze or NudgeActions.NeedHelp)
        {
            return Guid.TryParse(action.Value, out deliveryId);
        }

        var parts = action.Value.Split(':');
        if (action.ActionId == NudgeActions.Rate && parts.Length == 2 && Guid.TryParse(parts[0], out deliveryId)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 5)
        {
            rating = n;
            return true;
        }

        deliveryId = Guid.Empty;
        return false;
    }
}
