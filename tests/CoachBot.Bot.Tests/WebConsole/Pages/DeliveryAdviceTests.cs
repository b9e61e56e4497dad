using CoachBot.Bot.WebConsole.Pages;

namespace CoachBot.Bot.Tests.WebConsole.Pages;

public sealed class DeliveryAdviceTests
{
    [Theory]
    [InlineData("ratelimited", true)]
    [InlineData("rate_limited", true)]
    [InlineData("429 TooManyRequests", true)]
    [InlineData("502 BadGateway", false)]
    [InlineData(null, false)]
    public void RecognisesSlackAndTeamsRateLimits(string? code, bool expected) =>
        Assert.Equal(expected, DeliveryAdvice.IsRateLimit(code));
}
