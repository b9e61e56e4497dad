using CoachBot.Testing;

namespace CoachBot.Bot.Tests.Slack;

// Runs the real binary: a half-configured Slack must stop the start with one line naming the missing key.
public sealed class SlackStartupTests
{
    [Theory]
    [InlineData("Slack__BotToken", "xoxb-1-2-3", "Slack:SigningSecret is missing")]
    [InlineData("Slack__SigningSecret", "abc", "Slack:BotToken is missing")]
    [InlineData("Slack__ClientId", "1234.5678", "Slack:ClientSecret is missing")]
    [InlineData("Slack__AppToken", "xoxb-not-an-app-token", "Slack:AppToken must be an app-level token starting with xapp-")]
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
        // Nothing listens here: if the Slack check ever let the start through, the test fails on the database line instead.
        (string, string)[] withDatabase = [("ConnectionStrings__CoachBot", "Host=127.0.0.1;Port=1;Username=coachbot;Timeout=2"), .. environment];
        var run = await BotProcess.RunToExitAsync(withDatabase);
        return (run.ExitCode, run.Stdout, run.Stderr);
    }
}
