using CoachBot.Coaching.Profiles;

namespace CoachBot.Coaching.Nudges.Library;

/// <summary>One coaching intent: a single action for a skill, race(s) and level(s), written once per communication style.</summary>
public sealed record NudgeIntent(
    string Id,
    FocusSkill Skill,
    IReadOnlySet<Race> Races,
    IReadOnlySet<ExperienceLevel> Levels,
    string Action,
    string Why,
    IReadOnlyDictionary<CommunicationStyle, NudgeRendering> Renderings,
    string SourceFile)
{
    /// <summary>"Need help" content per style; empty until written (the linter requires it for every style).</summary>
    public IReadOnlyDictionary<CommunicationStyle, NudgeHelp> Help { get; init; } = new Dictionary<CommunicationStyle, NudgeHelp>();

    /// <summary>Set on a deal-aware intent: chosen only when the rep's CRM data shows this about one of their deals.</summary>
    public Deals.DealSignal? Needs { get; init; }

    public bool Fits(Race race, ExperienceLevel level) => Races.Contains(race) && Levels.Contains(level);
}
