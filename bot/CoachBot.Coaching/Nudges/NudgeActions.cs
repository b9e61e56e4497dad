namespace CoachBot.Coaching.Nudges;

/// <summary>
/// Action ids on nudge and follow-up buttons. Values carry ids only: the delivery id ("{guid}"),
/// or for a rating "{guid}:{1-5}".
/// </summary>
public static class NudgeActions
{
    public const string Prefix = "nudge.";
    public const string Done = "nudge.done";
    /// <summary>"Remind me later": brings this one nudge back later; the rep's other nudges are not held.</summary>
    public const string Snooze = "nudge.snooze";
    public const string NeedHelp = "nudge.help";
    public const string Rate = "nudge.rate";
}
