namespace CoachBot.Coaching.Nudges.Library;

/// <summary>
/// One style's wording of an intent. <paramref name="Text"/> sets it up and asks nothing; <paramref name="Cta"/> is the
/// single call to action, one sentence, shown last.
/// </summary>
public sealed record NudgeRendering(string Text, string Cta);
