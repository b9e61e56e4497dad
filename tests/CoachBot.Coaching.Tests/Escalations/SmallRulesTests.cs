using CoachBot.Coaching.Chat;
using CoachBot.Coaching.Escalations;

namespace CoachBot.Coaching.Tests.Escalations;

public sealed class SmallRulesTests
{
    [Theory]
    [InlineData("E-42", 42)]
    [InlineData(" e-7 ", 7)]
    [InlineData("13", 13)]
    public void ParsesShortIds(string text, long id)
    {
        Assert.True(EscalationId.TryParse(text, out var parsed));
        Assert.Equal(id, parsed);
    }

    [Theory]
    [InlineData("E-")]
    [InlineData("E-0")]
    [InlineData("E-1x")]
    [InlineData("-5")]
    [InlineData("E-99999999999999999999")]
    public void RejectsMalformedIds(string text)
    {
        Assert.False(EscalationId.TryParse(text, out _));
    }

    [Theory]
    [InlineData("I want to quit this job", "quit")]
    [InlineData("QUIT.", "quit")]
    [InlineData("I was quite happy", null)]
    [InlineData("feeling burned out lately", "burned out")]
    public void MatchesKeywordsAsWholeWords(string text, string? expected)
    {
        Assert.Equal(expected, KeywordMatcher.FindFirst(text, ["quit", "burned out"]));
    }

    [Fact]
    public void ManagersChannelGuardRefusesAnyOtherChannel()
    {
        var configured = new ChatAddress(ChatPlatform.Slack, "T1", "C-MGR");

        ManagersChannel.EnsureAllowed(configured with { ThreadId = "123.4" }, configured);
        Assert.Throws<ManagersChannelRefusedException>(() => ManagersChannel.EnsureAllowed(configured with { ConversationId = "C-GENERAL" }, configured));
        Assert.Throws<ManagersChannelRefusedException>(() => ManagersChannel.EnsureAllowed(configured with { WorkspaceId = "T2" }, configured));
        Assert.Throws<ManagersChannelRefusedException>(() => ManagersChannel.EnsureAllowed(configured with { Platform = ChatPlatform.Teams }, configured));
        Assert.Throws<ManagersChannelRefusedException>(() => ManagersChannel.EnsureAllowed(configured, null));
    }

    [Fact]
    public void ATeamsReplyThreadIsStillTheManagersChannel()
    {
        var configured = new ChatAddress(ChatPlatform.Teams, "tenant", "19:abc@thread.tacv2");

        Assert.Null(Record.Exception(() => ManagersChannel.EnsureAllowed(configured with { ConversationId = "19:abc@thread.tacv2;messageid=1700000000" }, configured)));
        Assert.Throws<ManagersChannelRefusedException>(() => ManagersChannel.EnsureAllowed(configured with { ConversationId = "19:other@thread.tacv2;messageid=1700000000" }, configured));
    }
}
