using System.Net;
using CoachBot.Platforms.RateLimiting;

namespace CoachBot.Platforms.Tests.RateLimiting;

public sealed class BurstGuardHandlerTests
{
    private static HttpMessageInvoker Client(BurstGuard guard) =>
        new(new BurstGuardHandler(guard) { InnerHandler = new Answer200() });

    private static Task<HttpResponseMessage> Post(HttpMessageInvoker client) =>
        client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "http://127.0.0.1/v3/conversations/a/activities"), CancellationToken.None);

    [Fact]
    public async Task InsideAPrepaidScopeCallsBeyondTheScopesRateWaitForTheNextSecond()
    {
        using var client = Client(new BurstGuard());
        using (PrepaidRate.For("teams:t1", 2))
        {
            await Post(client).WaitAsync(TimeSpan.FromSeconds(5));
            await Post(client).WaitAsync(TimeSpan.FromSeconds(5));

            var third = Post(client);
            Assert.False(third.IsCompleted);
            Assert.Equal(HttpStatusCode.OK, (await third.WaitAsync(TimeSpan.FromSeconds(5))).StatusCode);
        }
    }

    [Fact]
    public async Task OutsideAScopeNothingIsHeldBack()
    {
        using var client = Client(new BurstGuard());

        var calls = Enumerable.Range(0, 20).Select(_ => Post(client)).ToList();

        Assert.All(calls, c => Assert.True(c.IsCompletedSuccessfully));
        await Task.WhenAll(calls);
    }

    private sealed class Answer200 : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK));
    }
}
