using CoachBot.Coaching.Chat;

namespace CoachBot.Coaching.Escalations;

/// <summary>What the rep is told in their DM when their escalation changes.</summary>
public static class RepUpdates
{
    public static CoachMessage Acknowledged(Escalation e) =>
        CoachMessage.Plain($"Your manager acknowledged your request ({e.ShortId}). They'll follow up with you.");

    public static CoachMessage Resolved(Escalation e) =>
        CoachMessage.Plain($"Your manager marked your request ({e.ShortId}) as resolved. If it isn't, just tell me and I'll raise it again.");

    public static CoachMessage Reassigned(Escalation e, UserText newOwner) =>
        CoachMessage.Plain($"Your request ({e.ShortId}) was passed to {newOwner}, who will follow up with you.");

    public static CoachMessage RaisedForMissedNudges(Escalation e) =>
        CoachMessage.Plain($"You've missed a few check-ins in a row, so I've let your manager know in case you could use a hand ({e.ShortId}). Nothing you wrote was shared. Say `pause` if you need a break.");
}
