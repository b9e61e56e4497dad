using CoachBot.Testing;

namespace CoachBot.Bot.Tests.Teams;

// Runs the real binary, as an admin would: a half-configured Teams bot must not start.
public sealed class TeamsStartupTests
{
    [Fact]
    public async Task AnAppIdWithoutItsPasswordStopsStartupNamingTheMissingKey()
    {
        var run = await BotProcess.RunToExitAsync(("Teams__AppId", "00000000-0000-0000-0000-000000000001"), ("Teams__AppPassword", ""));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("CoachBot cannot start: Teams:AppPassword is missing", run.Stderr);
        Assert.DoesNotContain("   at ", run.Stdout + run.Stderr);
    }
}
