namespace CoachBot.Coaching.Profiles;

/// <summary>Shapes framing: newer reps get direction and quick wins, experienced reps get challenge.</summary>
public enum ExperienceLevel
{
    Newer,
    Experienced,
}
