namespace CoachBot.Coaching.Goals;

/// <summary>Who logged an amount: the rep typing it, a one-tap button on a nudge, or a CRM feed (a later issue).</summary>
public enum GoalProgressSource
{
    Typed,
    Button,
    Crm,
}
