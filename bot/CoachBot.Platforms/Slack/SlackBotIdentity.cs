namespace CoachBot.Platforms.Slack;

/// <summary>Caches the bot's own ids from <c>auth.test</c>; known once resolved, so the ack path never waits on Slack.</summary>
public sealed class SlackBotIdentity
{
    private readonly SemaphoreSlim _once = new(1, 1);

    public SlackIdentity? Known { get; private set; }

    public async Task<SlackIdentity> GetAsync(SlackWebClient client, CancellationToken cancellationToken)
    {
        if (Known is { } known)
        {
            return known;
        }

        await _once.WaitAsync(cancellationToken);
        try
        {
            return Known ??= await client.AuthTestAsync(cancellationToken);
        }
        finally
        {
            _once.Release();
        }
    }
}
