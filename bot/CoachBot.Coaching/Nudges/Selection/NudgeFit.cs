namespace CoachBot.Coaching.Nudges.Selection;

/// <summary>How closely the chosen intent matches the rep, from an exact fit down to repeating the oldest nudge.</summary>
public enum NudgeFit
{
    /// <summary>A focus skill, the rep's race and level, not sent inside the repeat window.</summary>
    Exact,

    /// <summary>A focus skill and the rep's race, written for the other experience level.</summary>
    OtherLevel,

    /// <summary>The focus skills are exhausted for now: another skill in the rep's race (never another race).</summary>
    OtherSkill,

    /// <summary>Everything suitable was sent inside the window: the one sent longest ago comes back.</summary>
    RepeatOldest,
}
