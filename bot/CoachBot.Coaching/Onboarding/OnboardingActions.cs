namespace CoachBot.Coaching.Onboarding;

/// <summary>
/// Button ids used during setup. Values carry the choice itself (no free text): quiz answers so far ("abba"),
/// a race, a comma list of focus skills, a "calls:20:week" goal preset, or a "09:00-17:30" hours preset.
/// </summary>
public static class OnboardingActions
{
    public const string QuizPrefix = "quiz.";
    public const string Prefix = "onboard.";
    public const string QuizAnswer = "quiz.answer";
    public const string Skip = "onboard.skip";
    public const string Race = "onboard.race";
    public const string FocusToggle = "onboard.focus";
    public const string FocusDone = "onboard.focus.done";
    public const string Hours = "onboard.hours";
    public const string Goal = "onboard.goal";
}
