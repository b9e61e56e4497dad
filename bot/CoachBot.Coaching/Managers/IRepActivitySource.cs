namespace CoachBot.Coaching.Managers;

/// <summary>How a rep engaged over a period. Topics are skills of nudges they answered (or left), never their words.</summary>
public sealed record RepActivity(int NudgesSent, int NudgesAnswered, int Streak, IReadOnlyList<string> AnsweredTopics)
{
    /// <summary>Skills of this period's nudges left unanswered.</summary>
    public IReadOnlyList<string> LeftTopics { get; init; } = [];

    /// <summary>The last weeks, oldest first, the brief's own week last: nudges answered and the average confidence rated.</summary>
    public IReadOnlyList<WeekEngagement> Weeks { get; init; } = [];

    public IReadOnlyList<Goals.GoalStanding> Goals { get; init; } = [];
}

public sealed record WeekEngagement(int Sent, int Answered, double? Confidence);

/// <summary>
/// Seam to the delivery and conversation data for the weekly brief: <see cref="LedgerRepActivity"/> (registered by
/// AddRepConversation); without the conversation, <see cref="NoRepActivity"/> answers null and the brief says so.
/// </summary>
public interface IRepActivitySource
{
    Task<RepActivity?> GetAsync(long repId, DateTimeOffset since, CancellationToken cancellationToken);
}

public sealed class NoRepActivity : IRepActivitySource
{
    public Task<RepActivity?> GetAsync(long repId, DateTimeOffset since, CancellationToken cancellationToken) => Task.FromResult<RepActivity?>(null);
}
