using CoachBot.Testing;

namespace CoachBot.Bot.Tests.Demo;

// Runs the real binary, as an operator would: production configuration must never start the demo.
public sealed class DemoStartupTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    // run.sh runs `migrate` and then the server: start-up notices belong to the server, or they print twice.
    [Fact]
    public async Task MigratingForTheDemoPrintsOnlyTheMigrationResultNotTheServersNotices()
    {
        var run = await BotProcess.RunToExitAsync(["migrate"],
            ("ASPNETCORE_ENVIRONMENT", "Demo"), ("Demo__Enabled", "true"), ("ConnectionStrings__CoachBot", database.ConnectionString));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Database is up to date.", run.Stdout);
        Assert.DoesNotContain("Demo mode is on", run.Stdout + run.Stderr);
        Assert.DoesNotContain("Hangfire dashboard off", run.Stdout + run.Stderr);
    }

    [Fact]
    public async Task ProductionRefusesToStartWithTheDemoEnabledAndSaysWhy()
    {
        var run = await BotProcess.RunToExitAsync(
            ("ASPNETCORE_ENVIRONMENT", "Production"), ("DOTNET_ENVIRONMENT", "Production"), ("Demo__Enabled", "true"));

        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith("CoachBot cannot start: Demo:Enabled must not be true in the Production environment", line);
        Assert.DoesNotContain("   at ", run.Stdout + line);
    }
}
