namespace CoachBot.Coaching.Nudges.History;

/// <summary>How a rep answered a nudge. A later Done replaces an earlier Snooze; a rating never hides the answer it follows.</summary>
public enum NudgeResponse
{
    Done,
    Snoozed,
    NeedHelp,
    Rated,
    Replied,
}
