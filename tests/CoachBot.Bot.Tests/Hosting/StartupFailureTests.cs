using CoachBot.Testing;

namespace CoachBot.Bot.Tests.Hosting;

// Runs the real binary: the one-line failure is what an admin sees, so the test reads the process's own output.
public sealed class StartupFailureTests
{
    [Theory]
    [InlineData("", "ConnectionStrings:CoachBot is missing")]
    [InlineData("Host=;nonsense=1", "ConnectionStrings:CoachBot is not a valid PostgreSQL connection string")]
    [InlineData("Host=127.0.0.1;Port=1;Username=coachbot;Timeout=2", "ConnectionStrings:CoachBot: cannot use the database")]
    public async Task StartingWithABadConnectionStringFailsFastWithOneLineNamingTheKey(string connectionString, string expected)
    {
        var (exitCode, stdout, stderr) = await RunBotAsync(("ConnectionStrings__CoachBot", connectionString));

        Assert.Equal(1, exitCode);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("CoachBot cannot start: ", line);
        Assert.Contains(expected, line);
        Assert.DoesNotContain("   at ", stdout + stderr);
    }

    [Fact]
    public async Task AnInvalidJobsSettingNamesItsKey()
    {
        var (exitCode, _, stderr) = await RunBotAsync(("Jobs__WorkerCount", "0"));

        Assert.Equal(1, exitCode);
        Assert.Contains("WorkerCount", stderr);
    }

    [Theory]
    [InlineData("Jobs__SlackMessagesPerMinute", "Jobs:SlackMessagesPerMinute is no longer read: set Slack:PostPerWorkspacePerMinute instead")]
    [InlineData("Jobs__TeamsRequestsPerSecond", "Jobs:TeamsRequestsPerSecond is no longer read: set Teams:RequestsPerSecondPerTenant instead")]
    public async Task ARetiredPacingSettingEndsInOneLineNamingItsReplacement(string variable, string expected)
    {
        var (exitCode, stdout, stderr) = await RunBotAsync((variable, "300"));

        Assert.Equal(1, exitCode);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("CoachBot cannot start: ", line);
        Assert.Contains(expected, line);
        Assert.DoesNotContain("   at ", stdout + stderr);
    }

    [Theory]
    [InlineData("Jobs__DashboardAdminKey", "Jobs:DashboardAdminKey must be at least 24 characters")]
    [InlineData("Jobs__DashboardViewerKey", "Jobs:DashboardViewerKey must be at least 24 characters")]
    public async Task ADashboardKeyShorterThan24CharactersEndsInOneLineNamingTheKey(string variable, string expected)
    {
        // The admin key maps /hangfire, which reads the jobs settings before the host starts: the failure must still be one line.
        var (exitCode, stdout, stderr) = await RunBotAsync(("Jobs__DashboardAdminKey", "0123456789abcdef0123456789abcdef"), (variable, "short"));

        Assert.Equal(1, exitCode);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("CoachBot cannot start: ", line);
        Assert.Contains(expected, line);
        Assert.DoesNotContain("   at ", stdout + stderr);
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunBotAsync(params (string Name, string Value)[] environment)
    {
        var run = await BotProcess.RunToExitAsync(environment);
        return (run.ExitCode, run.Stdout, run.Stderr);
    }
}
