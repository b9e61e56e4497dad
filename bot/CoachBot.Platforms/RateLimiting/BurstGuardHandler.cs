namespace CoachBot.Platforms.RateLimiting;

/// <summary>
/// The innermost handler of the Slack and Teams clients: a call made inside a <see cref="PrepaidRate"/> scope (a nudge
/// batch that reserved its slots up front) passes the <see cref="BurstGuard"/> here, after everything that can delay
/// it on the way (token, trust check, serialization), so the guard sees the moments requests really leave.
/// </summary>
internal sealed class BurstGuardHandler(BurstGuard guard) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (PrepaidRate.Active is { } scope)
        {
            await guard.WaitAsync(scope.Key, scope.PerSecond, cancellationToken);
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
