using System.Diagnostics;

namespace CoachBot.Bot.Tests.Teams;

// Runs the real binary, as an admin would: a half-configured Teams bot must not start.
public sealed class TeamsStartupTests
{
    [Fact]
    public async Task AnAppIdWithoutItsPasswordStopsStartupNamingTheMissingKey()
    {
        var dll = typeof(Program).Assembly.Location;
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        start.Environment["Urls"] = "http://127.0.0.1:0";
        start.Environment["Teams__AppId"] = "00000000-0000-0000-0000-000000000001";
        start.Environment["Teams__AppPassword"] = "";

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);

        Assert.Equal(1, process.ExitCode);
        Assert.Contains("CoachBot cannot start: Teams:AppPassword is missing", await stderr);
        Assert.DoesNotContain("   at ", await stdout + await stderr);
    }
}
