using CoachBot.Coaching.Profiles;

namespace CoachBot.Coaching.Learning;

/// <summary>The style a nudge is worded in, and why.</summary>
public sealed record StyleDecision(CommunicationStyle Style, StyleReason Reason);
