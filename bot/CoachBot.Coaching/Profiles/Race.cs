namespace CoachBot.Coaching.Profiles;

/// <summary>The race a rep runs: short transactional cycles, mid-market, or long-cycle enterprise deals.</summary>
public enum Race
{
    Sprint,
    Middle,
    Distance,
}
