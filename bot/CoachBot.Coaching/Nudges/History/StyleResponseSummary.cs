using CoachBot.Coaching.Profiles;

namespace CoachBot.Coaching.Nudges.History;

/// <summary>For one rep and one style rendering: how often and how fast they answered, and how confident they felt.</summary>
public sealed record StyleResponseSummary(
    CommunicationStyle Style,
    int Sent,
    int Answered,
    double? MedianResponseSeconds,
    double? AverageConfidence)
{
    public double AnswerRate => Sent == 0 ? 0 : (double)Answered / Sent;
}
