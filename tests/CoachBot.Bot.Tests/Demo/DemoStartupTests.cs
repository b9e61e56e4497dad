using System.Diagnostics;

namespace CoachBot.Bot.Tests.Demo;

// Runs the real binary, as an operator would: production configuration must never start the demo.
public sealed class DemoStartupTests
{
    [Fact]
    public async Task ProductionRefusesToStartWithTheDemoEnabledAndSaysWhy()
    {
        var dll = typeof(Program).Assembly.Location;
        var start = new ProcessStartInfo("dotnet", [dll]) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(dll)! };
        start.Environment["Urls"] = "http://127.0.0.1:0";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["Demo__Enabled"] = "true";

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);

        Assert.Equal(1, process.ExitCode);
        var line = Assert.Single((await stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("CoachBot cannot start: Demo:Enabled must not be true in the Production environment", line);
        Assert.DoesNotContain("   at ", await stdout + line);
    }
}
