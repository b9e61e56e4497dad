using CoachBot.Coaching.Onboarding;
using CoachBot.Coaching.Profiles;

namespace CoachBot.Coaching.People;

/// <summary>
/// Who wrote, as registration leaves them: the person (role included), their rep profile (null for a manager who is not
/// coached), and whether this very request created that profile (a new rep, who gets the welcome).
/// </summary>
public sealed record Registration(Person Person, RepProfile? Profile, bool ProfileCreated);

/// <summary>
/// What registration should also settle in the same round trip: the managers' channel the settings name for this
/// platform, whether this sender is one of the configured first admins, and whether a rep without a profile gets one
/// now (the request goes to the rep side), starting at <paramref name="FirstStep"/>.
/// </summary>
public sealed record RegistrationRules(
    string? ManagerChannel = null, bool BootstrapAdmin = false, bool CreateRepProfile = false, OnboardingStep FirstStep = OnboardingStep.Quiz)
{
    public static readonly RegistrationRules None = new();
}
