using CoachBot.Coaching.Chat;
using CoachBot.Coaching.People;

namespace CoachBot.Coaching.Escalations;

/// <summary>What the rep is told in their DM when their escalation changes.</summary>
public static class RepUpdates
{
    public static CoachMessage Acknowledged(Escalation e, Person by) =>
        CoachMessage.Plain($"{by.DisplayName} acknowledged your request ({e.ShortId}) and will follow up with you.");

    /// <summary>The manager's resolution note is for the rep: it travels as a quote (escaped by renderers), never in the notification text.</summary>
    public static CoachMessage Resolved(Escalation e, Person by)
    {
        var done = $"{by.DisplayName} marked your request ({e.ShortId}) as resolved.";
        var again = new ContextBlock("If it isn't resolved, just tell me and I'll raise it again.");
        return e.ResolutionNote is { Length: > 0 } note
            ? new CoachMessage($"{done} They left you a note.", [new SectionBlock($"{done} Their note to you:"), new QuoteBlock(note), again])
            : new CoachMessage(done, [new SectionBlock(done), again]);
    }

    public static CoachMessage Reassigned(Escalation e, UserText newOwner) =>
        CoachMessage.Plain($"Your request ({e.ShortId}) was passed to {newOwner}, who will follow up with you.");

    public static CoachMessage RaisedForMissedNudges(Escalation e) =>
        CoachMessage.Plain($"You've missed a few check-ins in a row, so I've let your manager know in case you could use a hand ({e.ShortId}). Nothing you wrote was shared. Say `pause` if you need a break.");
}
