namespace CoachBot.Coaching.Nudges.Deals;

/// <summary>
/// The one deal a deal-aware nudge is about, with the numbers its placeholders show: {deal}, {stage}, {days} (in stage,
/// or since the last activity for a quiet deal) and {moves}.
/// </summary>
public sealed record DealFact(DealSignal Signal, string DealId, string DealName, string Stage, int Days, int Moves);
