using CoachBot.Coaching.Onboarding;

namespace CoachBot.Coaching.Profiles;

/// <summary>A rep_profile row. <see cref="Style"/> is null until the quiz or the rep sets it.</summary>
public sealed record RepProfile(
    long PersonId,
    CommunicationStyle? Style,
    string StyleSource,
    Race Race,
    IReadOnlyList<FocusSkill> FocusSkills,
    ExperienceLevel Experience,
    string? Goals,
    OnboardingStep Step,
    DateTimeOffset? OnboardedAt);
