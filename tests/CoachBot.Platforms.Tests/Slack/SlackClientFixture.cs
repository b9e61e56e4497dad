using CoachBot.Platforms.RateLimiting;
using CoachBot.Platforms.Slack;
using CoachBot.Testing;
using CoachBot.Testing.Slack;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CoachBot.Platforms.Tests.Slack;

/// <summary>A real PostgreSQL (shared rate gate, workspace state) and a loopback fake Slack for one test class.</summary>
public sealed class SlackClientFixture : IAsyncLifetime
{
    public PostgresDatabase Database { get; } = new();

    public FakeSlackServer Slack { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        Slack = await FakeSlackServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await Slack.DisposeAsync();
        await Database.DisposeAsync();
    }

    public SlackWebClient CreateClient(Action<SlackOptions>? configure = null)
    {
        var options = new SlackOptions
        {
            BotToken = Slack.Token, SigningSecret = "secret", ApiBaseUrl = Slack.ApiBaseUrl, MaxAttempts = 3, OverallDeadline = TimeSpan.FromSeconds(20),
        };
        configure?.Invoke(options);
        var workspaces = new SlackWorkspaces(Database.DataSource, TimeProvider.System);
        var installations = new SlackInstallations(Database.DataSource, new SlackTokenCipher(Options.Create(options)), workspaces, TimeProvider.System);
        return new SlackWebClient(
            new HttpClient { BaseAddress = options.ApiBaseUrl }, Options.Create(options), new SharedRateGate(Database.DataSource),
            workspaces, installations, TimeProvider.System, NullLogger<SlackWebClient>.Instance);
    }

    /// <summary>A fresh workspace id per test, so gates and disabled flags never leak between tests.</summary>
    public static string NewTeam() => $"T{Guid.NewGuid():N}"[..12].ToUpperInvariant();

    public static string NewUser() => $"U{Guid.NewGuid():N}"[..11].ToUpperInvariant();
}
