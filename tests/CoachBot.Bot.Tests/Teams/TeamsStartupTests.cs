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

    [Fact]
    public async Task TheLocalNoAuthOptInIsRefusedInProductionInOneLineNamingTheKey()
    {
        var run = await BotProcess.RunToExitAsync(("ASPNETCORE_ENVIRONMENT", "Production"), ("Teams__AppId", ""), ("Teams__LocalNoAuth", "true"));

        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith("CoachBot cannot start: Teams:LocalNoAuth=true is refused in the Production environment", line);
        Assert.DoesNotContain("   at ", run.Stdout + run.Stderr);
    }

    [Fact]
    public async Task GraphInstallsTurnedOnWithoutTheCatalogAppIdStopStartupNamingTheKey()
    {
        var run = await BotProcess.RunToExitAsync(
            ("Teams__AppId", "00000000-0000-0000-0000-000000000001"), ("Teams__AppPassword", "secret-value-not-echoed"), ("Teams__TenantId", "tenant-1"),
            ("Teams__Graph__Enabled", "true"), ("Teams__Graph__TeamsAppId", ""));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Teams:Graph:TeamsAppId must be the app's id in the org catalog", run.Stderr);
        Assert.DoesNotContain("secret-value-not-echoed", run.Stdout + run.Stderr);
        Assert.DoesNotContain("   at ", run.Stdout + run.Stderr);
    }
}
