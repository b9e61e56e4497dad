using CoachBot.Coaching.Nudges.Library;

namespace CoachBot.Coaching.Nudges.Selection;

public sealed record NudgeSelection(NudgeIntent Intent, NudgeFit Fit);
