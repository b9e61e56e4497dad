using System.Diagnostics;

namespace CoachBot.Bot.Tests.Slack;

// Runs the real binary: a half-configured Slack must stop the start with one line naming the missing key.
public sealed class SlackStartupTests
{
    [Theory]
    [InlineData("Slack__BotToken", "xoxb-1-2-3", "Slack:SigningSecret is missing")]
    [InlineData("Slack__SigningSecret", "abc", "Slack:BotToken is missing")]
    [InlineData("Slack__ClientId", "1234.5678", "Slack:ClientSecret is missing")]
    public async Task HalfConfiguredSlackRefusesToStartNamingTheMissingKey(string variable, string value, string expected)
    {
        var (exitCode, stdout, stderr) = await RunBotAsync((variable, value));

        Assert.Equal(1, exitCode);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("CoachBot cannot start: ", line);
        Assert.Contains(expected, line);
        Assert.DoesNotContain(value, stdout + stderr);
        Assert.DoesNotContain("   at ", stdout + stderr);
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunBotAsync(params (string Name, string Value)[] environment)
    {
        var dll = typeof(Program).Assembly.Location;
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        start.Environment["Urls"] = "http://127.0.0.1:0";
        // Nothing listens here: if the Slack check ever let the start through, the test fails on the database line instead.
        start.Environment["ConnectionStrings__CoachBot"] = "Host=127.0.0.1;Port=1;Username=coachbot;Timeout=2";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
