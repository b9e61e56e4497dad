using CoachBot.Coaching.Conversation;

namespace CoachBot.Coaching.Tests.Conversation;

public sealed class RepStrugglesTests
{
    [Theory]
    [InlineData("Tried it but the buyer went quiet after the first question")]
    [InlineData("I'm stuck on the opener")]
    [InlineData("no luck today, nobody answered")]
    [InlineData("It didn’t work, they hung up")]
    [InlineData("couldn't get past the gatekeeper")]
    public void RepliesSayingItDidNotWorkAreStruggles(string reply) => Assert.True(RepStruggles.IsStruggle(reply));

    [Theory]
    [InlineData("Did four of them, one wants a call back on Thursday")]
    [InlineData("booked a meeting with Acme!")]
    [InlineData("done, that worked well")]
    public void UpdatesAreNot(string reply) => Assert.False(RepStruggles.IsStruggle(reply));
}
