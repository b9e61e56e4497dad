using System.Globalization;
using CoachBot.Coaching.Chat;
using CoachBot.Coaching.Nudges;
using CoachBot.Coaching.Nudges.History;
using CoachBot.Coaching.Profiles;
using CoachBot.Coaching.Scheduling;
using Microsoft.Extensions.Logging;

namespace CoachBot.Coaching.Conversation;

/// <summary>
/// Done, Snooze, Need help and the 1–5 confidence rating on a nudge. Each press is recorded once per delivery,
/// acknowledged in the rep's style, and the nudge is redrawn with its new state. Need help or a 1–2 rating
/// only offers escalation; nothing is shared here.
/// </summary>
public sealed class NudgeResponses(
    NudgeResponseStore store,
    RepScheduleStore schedules,
    EscalationOffers offers,
    RepStreaks streaks,
    INudgeRecall recall,
    NudgeHistory history,
    NudgeDeliveries deliveries,
    TimeProvider time,
    ILogger<NudgeResponses> logger)
{
    private const int LowConfidence = 2;

    public async Task<InboxReply> HandleAsync(RepProfile profile, InboundAction action, CancellationToken cancellationToken)
    {
        if (!TryParse(action, out var deliveryId, out var rating))
        {
            return InboxReply.Say("That button has expired.");
        }

        var personId = profile.PersonId;
        var now = time.GetUtcNow();
        var state = await store.RecordAsync(deliveryId, personId, action.ActionId, rating, profile.Style, now, cancellationToken);
        if (state is null)
        {
            ConversationLog.ForeignDelivery(logger, personId);
            return InboxReply.Say("That button isn't for you.");
        }

        // Any press answers the nudge: its follow-up is not sent. The history learns which wording this rep answers, and how fast.
        await deliveries.MarkAnsweredAsync(deliveryId, cancellationToken);
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
                await schedules.SnoozeAsync(personId, now, now.AddDays(1), cancellationToken);
                messages.Add(CoachMessage.Plain("Snoozed: no nudges for the next 24 hours. Need longer? Type `snooze 3d` or `pause`."));
                break;
            case NudgeActions.NeedHelp:
                messages.Add(CoachMessage.Plain("Thanks for saying so. Asking for help is a strength."));
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

    private static NudgeResponse ToHistoryResponse(string actionId) => actionId switch
    {
        NudgeActions.Done => NudgeResponse.Done,
        NudgeActions.Snooze => NudgeResponse.Snoozed,
        NudgeActions.NeedHelp => NudgeResponse.NeedHelp,
        _ => NudgeResponse.Rated,
    };

    public static CoachMessage Redraw(CoachMessage? original, Guid deliveryId, NudgeResponseStore.State state)
    {
        var status = string.Join(" · ", new[]
        {
            state.Done ? "✓ Done" : null,
            state.Snoozed ? "Snoozed" : null,
            state.NeedHelp ? "Asked for help" : null,
            state.Rating is { } r ? $"Confidence {r}/5" : null,
        }.OfType<string>());
        var blocks = (original?.Blocks ?? []).Where(b => b is not ActionsBlock).ToList();
        blocks.Add(new ContextBlock(status));
        var id = deliveryId.ToString();
        if (!state.Done)
        {
            blocks.Add(new ActionsBlock([new ChatButton(NudgeActions.Done, "Done", id, ButtonStyle.Primary)]));
        }

        if (state.Rating is null)
        {
            blocks.Add(new ActionsBlock(Enumerable.Range(1, 5)
                .Select(n => new ChatButton(NudgeActions.Rate, n.ToString(CultureInfo.InvariantCulture), $"{id}:{n}")).ToList()));
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
