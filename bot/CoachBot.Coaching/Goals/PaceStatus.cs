namespace CoachBot.Coaching.Goals;

public enum PaceStatus
{
    Behind,
    OnPace,
    Ahead,
    Hit,
}
