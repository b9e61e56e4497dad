using CoachBot.Coaching.Chat;
using CoachBot.Coaching.Escalations;
using Microsoft.Extensions.Logging;

namespace CoachBot.Coaching.Conversation;

/// <summary>
/// "Share with your manager?" after Need help or a 1–2 rating. Nothing leaves the rep's DM without an explicit
/// yes; with "Yes, with a note" only the next message they type travels. Raises are keyed per delivery and reason.
/// </summary>
public sealed class EscalationOffers(EscalationOfferStore store, IEscalations escalations, TimeProvider time, ILogger<EscalationOffers> logger)
{
    public const string Prefix = "share.";
    public const string Yes = "share.yes";
    public const string WithNote = "share.note";
    public const string No = "share.no";

    /// <summary>Where shared words go, said before the rep decides: the card is in a channel every manager reads, not a DM to theirs.</summary>
    public const string ShareGoes = "If you share, a card goes to the managers' channel, which every manager in CoachBot can read (not only yours). " +
        "It says you asked for help on this nudge; with a note, it shows your note too, and nothing else.";

    /// <summary>The offer message, or null when the rep already decided for this delivery.</summary>
    public async Task<CoachMessage?> OfferAsync(long personId, Guid deliveryId, string reason, CancellationToken cancellationToken)
    {
        var offer = await store.OfferAsync(deliveryId, reason, personId, time.GetUtcNow(), cancellationToken);
        if (offer.Status is "shared" or "declined")
        {
            return null;
        }

        var value = $"{deliveryId}:{reason}";
        return new CoachMessage("Share this with your manager?",
        [
            new SectionBlock("Want me to let your manager know? Nothing is shared unless you say yes."),
            new ActionsBlock(
            [
                new ChatButton(Yes, "Yes, share", value, ButtonStyle.Primary),
                new ChatButton(WithNote, "Yes, with a note", value),
                new ChatButton(No, "No, keep it private", value),
            ]),
            new ContextBlock(ShareGoes),
        ]);
    }

    public async Task<InboxReply> HandleAsync(long personId, InboundAction action, CancellationToken cancellationToken)
    {
        var parts = action.Value.Split(':');
        if (parts.Length != 2 || !Guid.TryParse(parts[0], out var deliveryId)
            || await store.FindAsync(deliveryId, parts[1], personId, cancellationToken) is not { } offer)
        {
            return InboxReply.Say("That button has expired.");
        }

        if (offer.Status == "shared")
        {
            return Settled(action, $"Already shared with your manager ({offer.EscalationRef}).");
        }

        var now = time.GetUtcNow();
        switch (action.ActionId)
        {
            case Yes:
                var note = string.IsNullOrWhiteSpace(action.InputText) ? null : RepReplyStore.Truncate(action.InputText.Trim());
                return await ShareAsync(personId, offer, note, action, cancellationToken);
            case WithNote:
                await store.DecideAsync(offer, personId, "awaiting_note", null, false, now, cancellationToken);
                return Settled(action, "Type your note for your manager now. It goes on the card in the managers' channel, where every manager can read it. Only that next message is shared (commands like `help` still work as usual). Type `cancel` to share nothing.");
            case No:
                await store.DecideAsync(offer, personId, "declined", null, false, now, cancellationToken);
                return Settled(action, "Okay, nothing was shared. It stays between us.");
            default:
                return InboxReply.Say("That button has expired.");
        }
    }

    /// <summary>If the rep asked to add a note, this message is that note (or `cancel`); otherwise null.</summary>
    public async Task<InboxReply?> TryTakeNoteAsync(long personId, string text, CancellationToken cancellationToken)
    {
        var offer = await store.FindAwaitingNoteAsync(personId, time.GetUtcNow(), cancellationToken);
        if (offer is null)
        {
            return null;
        }

        if (text.Trim().TrimStart('/').Equals("cancel", StringComparison.OrdinalIgnoreCase))
        {
            await store.DecideAsync(offer, personId, "declined", null, false, time.GetUtcNow(), cancellationToken);
            return InboxReply.Say("Cancelled: nothing was shared.");
        }

        return await ShareAsync(personId, offer, RepReplyStore.Truncate(text.Trim()), action: null, cancellationToken);
    }

    private async Task<InboxReply> ShareAsync(long personId, EscalationOfferStore.Offer offer, string? note, InboundAction? action, CancellationToken cancellationToken)
    {
        var reason = offer.Reason == EscalationOfferStore.NeedHelp ? EscalationReason.NeedHelp : EscalationReason.LowConfidence;
        string reference;
        try
        {
            reference = await escalations.RaiseAsync(
                new EscalationRequest(personId, reason, note, $"delivery:{offer.DeliveryId}:{offer.Reason}"), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            ConversationLog.EscalationRaiseFailed(logger, ex, personId);
            return InboxReply.Say("I couldn't reach your manager just now, so nothing was shared yet. Please try again in a minute.");
        }

        await store.DecideAsync(offer, personId, "shared", reference, note is not null, time.GetUtcNow(), cancellationToken);
        var text = note is null
            ? $"Shared with your manager ({reference}) in the managers' channel: they know you'd like help. I'll tell you when someone picks it up."
            : $"Shared with your manager ({reference}), with your note, in the managers' channel, where every manager can read it. I'll tell you when someone picks it up.";
        return action is null ? InboxReply.Say(text) : Settled(action, text);
    }

    private static InboxReply Settled(InboundAction action, string text) =>
        action.Source is null ? InboxReply.Say(text) : InboxReply.None with { UpdatedSource = CoachMessage.Plain(text) };
}
