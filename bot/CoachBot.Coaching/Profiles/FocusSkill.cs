namespace CoachBot.Coaching.Profiles;

/// <summary>The skills a rep can ask to be coached on (up to three at a time).</summary>
public enum FocusSkill
{
    Prospecting,
    Discovery,
    Demo,
    ObjectionHandling,
    Negotiation,
    Closing,
    PipelineHygiene,
    AccountGrowth,
    Forecasting,
    SelfManagement,
}
