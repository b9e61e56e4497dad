using CoachBot.Coaching.Profiles;

namespace CoachBot.Coaching.Nudges.Selection;

/// <summary>Everything the choice depends on; the same request always selects the same intent.</summary>
public sealed record NudgeSelectionRequest(
    IReadOnlyList<FocusSkill> FocusSkills,
    Race Race,
    ExperienceLevel Level,
    IReadOnlyList<PastNudge> History,
    DateTimeOffset Now,
    ulong Seed)
{
    /// <summary>What the rep's CRM data shows; deal-aware intents needing anything else are never chosen.</summary>
    public IReadOnlySet<Deals.DealSignal> DealSignals { get; init; } = new HashSet<Deals.DealSignal>();
}
