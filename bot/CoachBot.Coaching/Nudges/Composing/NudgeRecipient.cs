using CoachBot.Coaching.People;
using CoachBot.Coaching.Profiles;

namespace CoachBot.Coaching.Nudges.Composing;

/// <summary>A rep as the composer sees them: the person plus the coaching profile (defaults when none is stored yet).</summary>
public sealed record NudgeRecipient(
    Person Person,
    CommunicationStyle? Style,
    Race Race,
    ExperienceLevel Level,
    IReadOnlyList<FocusSkill> FocusSkills,
    string? Goal,
    string StyleSource = "unknown");
