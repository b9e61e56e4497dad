using CoachBot.Coaching.Chat;

namespace CoachBot.Platforms.RateLimiting;

/// <summary>
/// The innermost handler of the Slack and Teams clients: a request of a send whose slot a batch prepaid (the client
/// sets <see cref="Prepaid"/>) passes the <see cref="BurstGuard"/> here, after everything that can delay it on the way
/// (token, trust check, serialization), so the guard sees the moments requests really leave.
/// </summary>
internal sealed class BurstGuardHandler(BurstGuard guard) : DelegatingHandler
{
    public static readonly HttpRequestOptionsKey<RateSlot> Prepaid = new("coachbot.prepaidSlot");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Options.TryGetValue(Prepaid, out var slot))
        {
            await guard.WaitAsync(slot.Key, slot.PerSecond, cancellationToken);
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
