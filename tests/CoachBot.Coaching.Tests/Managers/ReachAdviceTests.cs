using CoachBot.Coaching.Managers;

namespace CoachBot.Coaching.Tests.Managers;

public sealed class ReachAdviceTests
{
    [Theory]
    [InlineData("403 BotNotInConversationRoster", "CoachBot's Teams app is not installed for them.", "Run `install teams`")]
    [InlineData("not-installed", "CoachBot's Teams app is not installed for them.", "Run `install teams`")]
    [InlineData("403 ConversationBlockedByUser", "They blocked or removed CoachBot in Teams.", "Ask them to unblock it")]
    [InlineData("403 BotDisabledByAdmin", "A Teams admin blocked CoachBot.", "Teams apps > Manage apps")]
    [InlineData("graph:user-not-found", "Microsoft Graph has no such user in your directory.", "Entra ID")]
    [InlineData("graph:permission-missing", "Microsoft Graph refused to install CoachBot: the app registration lacks the permission.", "TeamsAppInstallation.ReadWriteSelfForUser.All")]
    [InlineData("graph:blocked-by-policy", "Teams policy stops CoachBot being installed for them.", "app setup policy")]
    [InlineData("account_inactive", "Their Slack account is deactivated or gone.", "Remove them from the roster")]
    [InlineData("roster:not-installed", "They are in the roster but have never talked to CoachBot, and the Teams app is not installed for them.", "Run `install teams`")]
    [InlineData("roster:never-messaged", "They are in the roster but have never talked to CoachBot in Slack.", "open CoachBot in Slack")]
    [InlineData("graph:not-in-tenant", "Their roster email was not found in your Microsoft 365 tenant.", "Check the email in the roster")]
    [InlineData("graph:user-read-missing", "Microsoft Graph refused to look up their roster email: the app registration lacks User.Read.All.", "User.Read.All")]
    [InlineData("is_archived", "The conversation CoachBot used for them is gone or archived.", "direct message")]
    public void EachReasonSaysWhatHappenedAndWhatToDo(string reason, string why, string fix)
    {
        var advice = ReachAdvice.For(reason);

        Assert.Equal(why, advice.Why);
        Assert.Contains(fix, advice.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownReasonIsQuotedWithAWayBack()
    {
        var (why, fix) = ReachAdvice.For("418 Teapot");

        Assert.Equal("The platform answered \"418 Teapot\".", why);
        Assert.Equal("Ask them to message CoachBot; that makes them reachable again.", fix);
    }

    [Theory]
    [InlineData("user_not_found")]
    [InlineData("cannot_dm_bot")]
    [InlineData("messages_tab_disabled")]
    [InlineData("not-installed")]
    [InlineData("marked-unreachable")]
    [InlineData("is_archived")]
    [InlineData("unknown-conversation")]
    [InlineData("roster:not-installed")]
    [InlineData("something_new")]
    [InlineData(null)]
    public void EveryReasonTheChatOrTheConsoleShowsIsACompleteSentenceWithSomethingToDo(string? code)
    {
        var (why, fix) = ReachAdvice.For(code);

        Assert.EndsWith(".", why, StringComparison.Ordinal);
        Assert.EndsWith(".", fix, StringComparison.Ordinal);
        Assert.True(char.IsUpper(fix[0]));
    }

    [Fact]
    public void SomeoneLostOnBothPlatformsGetsEachPlatformsReasonInOneLine()
    {
        var text = ReachAdvice.Describe([new ReachLoss("slack", "account_inactive"), new ReachLoss("teams", "403 BotNotInConversationRoster")]);

        Assert.Equal(
            "On Slack: Their Slack account is deactivated or gone. Remove them from the roster if they left. " +
            "On Teams: CoachBot's Teams app is not installed for them. Run `install teams`, or ask them to add CoachBot in Teams.", text);
    }

    [Fact]
    public void SomeoneLostOnOnePlatformGetsTheReasonAlone() =>
        Assert.Equal("They blocked or removed CoachBot in Teams. Ask them to unblock it; CoachBot resumes when they message it.",
            ReachAdvice.Describe([new ReachLoss("teams", "403 ConversationBlockedByUser")]));

    [Theory]
    [InlineData("install teams")]
    [InlineData("INSTALL Teams")]
    public void InstallTeamsParses(string text) => Assert.IsType<ManagerCommand.InstallTeams>(ManagerCommandParser.Parse(text));

    [Theory]
    [InlineData("install", "Say `install teams`")]
    [InlineData("install slack", "Say `install teams`")]
    [InlineData("unreachable everyone", "`unreachable` takes no arguments.")]
    public void OtherInstallOrUnreachableWordingIsAnsweredWithTheUsage(string text, string expected)
    {
        var invalid = Assert.IsType<ManagerCommand.Invalid>(ManagerCommandParser.Parse(text));

        Assert.StartsWith(expected, invalid.Message, StringComparison.Ordinal);
    }
}
