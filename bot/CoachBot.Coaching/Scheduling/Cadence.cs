namespace CoachBot.Coaching.Scheduling;

/// <summary>How often a rep is nudged. Stored as text in rep_schedule.cadence; null there means "from the race".</summary>
public enum Cadence
{
    /// <summary>Every working day (sprint).</summary>
    Daily,

    /// <summary>Three working days a week, spread out (middle distance).</summary>
    ThreeWeekly,

    /// <summary>The first available working day of each week (distance).</summary>
    Weekly,
}
