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
