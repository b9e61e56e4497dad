namespace CoachBot.Coaching.Onboarding;

/// <summary>rep_profile.onboarding_step; each step commits atomically and moves the marker, so setup resumes where it stopped.</summary>
public enum OnboardingStep
{
    Welcome,
    Quiz,
    Race,
    Focus,
    Goals,
    Hours,
    Done,
}

public static class OnboardingSteps
{
    public static string ToDbValue(this OnboardingStep step) => step.ToString().ToLowerInvariant();

    public static OnboardingStep FromDb(string value) =>
        Enum.TryParse<OnboardingStep>(value, ignoreCase: true, out var step) ? step : OnboardingStep.Welcome;

    public static OnboardingStep Next(this OnboardingStep step) => step == OnboardingStep.Done ? step : step + 1;
}
