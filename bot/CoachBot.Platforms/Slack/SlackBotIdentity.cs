using System.Collections.Concurrent;

namespace CoachBot.Platforms.Slack;

/// <summary>
/// Caches the bot's own ids per workspace (each install has its own bot user). Learned from auth.test or an install;
/// once known, the ack path never waits on Slack.
/// </summary>
public sealed class SlackBotIdentity
{
    private readonly SemaphoreSlim _once = new(1, 1);
    private readonly ConcurrentDictionary<string, SlackIdentity> _known = new(StringComparer.Ordinal);

    public SlackIdentity? KnownFor(string teamId) => _known.GetValueOrDefault(teamId);

    public void Remember(SlackIdentity identity) => _known[identity.TeamId] = identity;

    public async Task<SlackIdentity> GetAsync(SlackWebClient client, string teamId, CancellationToken cancellationToken)
    {
        if (KnownFor(teamId) is { } known)
        {
            return known;
        }

        await _once.WaitAsync(cancellationToken);
        try
        {
            if (KnownFor(teamId) is { } raced)
            {
                return raced;
            }

            // Kept under the asked-for team too: with the single-workspace token, auth.test names the token's own team.
            var identity = await client.AuthTestAsync(teamId, cancellationToken);
            Remember(identity);
            return _known[teamId] = identity;
        }
        finally
        {
            _once.Release();
        }
    }
}
