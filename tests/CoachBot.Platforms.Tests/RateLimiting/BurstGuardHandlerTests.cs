using System.Net;
using CoachBot.Coaching.Chat;
using CoachBot.Platforms.RateLimiting;

namespace CoachBot.Platforms.Tests.RateLimiting;

public sealed class BurstGuardHandlerTests
{
    private static HttpMessageInvoker Client(BurstGuard guard) =>
        new(new BurstGuardHandler(guard) { InnerHandler = new Answer200() });

    private static Task<HttpResponseMessage> Post(HttpMessageInvoker client, RateSlot? prepaid = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "http://127.0.0.1/v3/conversations/a/activities");
        if (prepaid is not null)
        {
            request.Options.Set(BurstGuardHandler.Prepaid, prepaid);
        }

        return client.SendAsync(request, CancellationToken.None);
    }

    [Fact]
    public async Task PrepaidRequestsBeyondTheirSlotsRateWaitForTheNextSecond()
    {
        using var client = Client(new BurstGuard());
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await Post(client, new RateSlot("teams:t1", 2)).WaitAsync(TimeSpan.FromSeconds(5));
        await Post(client, new RateSlot("teams:t1", 2)).WaitAsync(TimeSpan.FromSeconds(5));

        var third = await Post(client, new RateSlot("teams:t1", 2)).WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(HttpStatusCode.OK, third.StatusCode);

        // A lower bound only: a slow machine can make the call later, never earlier.
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(990), $"the third call left after {clock.Elapsed}, inside the first call's second");
    }

    [Fact]
    public async Task RequestsWithoutAPrepaidSlotAreNotHeldBack()
    {
        using var client = Client(new BurstGuard());

        var calls = Enumerable.Range(0, 20).Select(_ => Post(client)).ToList();

        // Without a slot nothing awaits in the handler, so every call is done before the loop returns.
        Assert.All(calls, c => Assert.True(c.IsCompletedSuccessfully));
        await Task.WhenAll(calls);
    }

    private sealed class Answer200 : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK));
    }
}
