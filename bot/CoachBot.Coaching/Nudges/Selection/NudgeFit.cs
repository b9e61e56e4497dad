namespace CoachBot.Coaching.Nudges.Selection;

/// <summary>How closely the chosen intent matches the rep, from an exact fit down to repeating the oldest nudge.</summary>
public enum NudgeFit
{
    /// <summary>A focus skill, the rep's race and level, not sent inside the repeat window.</summary>
    Exact,

    /// <summary>A focus skill and the rep's race, written for the other experience level.</summary>
    OtherLevel,

    /// <summary>A focus skill and level, written for another race.</summary>
    OtherRace,

    /// <summary>The focus skills are exhausted for now: another skill that fits race and level.</summary>
    OtherSkill,

    /// <summary>Everything suitable was sent inside the window: the one sent longest ago comes back.</summary>
    RepeatOldest,
}
