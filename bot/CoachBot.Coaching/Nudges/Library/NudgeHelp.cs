namespace CoachBot.Coaching.Nudges.Library;

/// <summary>
/// What "Need help" shows for an intent in one style: words the rep can say (<paramref name="TalkTrack"/>), one worked
/// <paramref name="Example"/> (shared by the styles: a buyer's words do not change with the rep's style) and the
/// <paramref name="FirstStep"/>, the smallest move that gets the action started.
/// </summary>
public sealed record NudgeHelp(string TalkTrack, string Example, string FirstStep)
{
    public string Text => $"{TalkTrack}\n{Example}\n{FirstStep}";
}
