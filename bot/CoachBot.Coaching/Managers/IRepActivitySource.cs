namespace CoachBot.Coaching.Managers;

/// <summary>How a rep engaged over a period. Topics are nudge intents they answered, never their words.</summary>
public sealed record RepActivity(int NudgesSent, int NudgesAnswered, int Streak, IReadOnlyList<string> AnsweredTopics);

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
