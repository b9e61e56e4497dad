using CoachBot.Testing;

namespace CoachBot.Bot.Tests.Demo;

// Runs the real binary, as an operator would: production configuration must never start the demo.
public sealed class DemoStartupTests
{
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
