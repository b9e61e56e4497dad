namespace CoachBot.Coaching.Tests;

public sealed class CoachingInboxRoutingTests
{
    [Theory]
    [InlineData("snooze E-4 2h")]
    [InlineData("snooze e-12 1d")]
    [InlineData("style <@U0SAM> driver")]
    [InlineData("ack E-1")]
    public void TextNamingAnEscalationOrSomeoneElseIsAManagerCommand(string text) =>
        Assert.True(CoachingInbox.IsManagerCommand(text));

    [Theory]
    [InlineData("snooze 3d")]
    [InlineData("snooze 3")]
    [InlineData("pause")]
    [InlineData("style driver")]
    public void ARepsOwnCommandsStayTheRepsOwn(string text) =>
        Assert.False(CoachingInbox.IsManagerCommand(text));
}
