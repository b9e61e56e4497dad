namespace CoachBot.Coaching.Managers;

/// <summary>How a rep engaged over a period. Topics are nudge intents they answered, never their words.</summary>
public sealed record RepActivity(int NudgesSent, int NudgesAnswered, int Streak, IReadOnlyList<string> AnsweredTopics);

/// <summary>
/// Seam to the delivery and conversation data (built by the nudge/scheduling features) for the weekly brief.
/// Until they register one, <see cref="NoRepActivity"/> answers null and the brief says so.
/// </summary>
public interface IRepActivitySource
{
    Task<RepActivity?> GetAsync(long repId, DateTimeOffset since, CancellationToken cancellationToken);
}

public sealed class NoRepActivity : IRepActivitySource
{
    public Task<RepActivity?> GetAsync(long repId, DateTimeOffset since, CancellationToken cancellationToken) => Task.FromResult<RepActivity?>(null);
}
