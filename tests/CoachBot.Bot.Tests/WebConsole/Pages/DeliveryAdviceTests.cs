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

    [Theory]
    [InlineData("user_not_found")]
    [InlineData("cannot_dm_bot")]
    [InlineData("not-installed")]
    [InlineData("is_archived")]
    [InlineData("something_new")]
    [InlineData(null)]
    public void EveryUnreachableReasonIsACompleteSentenceWithSomethingToDo(string? code)
    {
        var advice = DeliveryAdvice.Unreachable(code);

        Assert.EndsWith(".", advice.Reason, StringComparison.Ordinal);
        Assert.EndsWith(".", advice.WhatToDo, StringComparison.Ordinal);
        Assert.True(char.IsUpper(advice.WhatToDo[0]));
    }
}
