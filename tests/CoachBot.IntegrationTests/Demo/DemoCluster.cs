using CoachBot.Testing;
using CoachBot.Testing.Demo;

namespace CoachBot.IntegrationTests.Demo;

/// <summary>
/// What deploy/local/run.sh starts, on free loopback ports: CoachBot in demo mode (real host, real database) with Slack
/// pointed at the local workspace, and the workspace pointed back at CoachBot, sharing a fresh signing secret and token.
/// </summary>
public sealed class DemoCluster : IAsyncDisposable
{
    private DemoCluster(CoachBotApplication coachBot, LocalWorkspaceHost workspace, Uri coachBotUrl)
    {
        CoachBot = coachBot;
        Workspace = workspace;
        CoachBotUrl = coachBotUrl;
    }

    public CoachBotApplication CoachBot { get; }
    public LocalWorkspaceHost Workspace { get; }
    public Uri CoachBotUrl { get; }

    /// <param name="socketMode">As run.sh with COACHBOT_SLACK_MODE=socket: the workspace reaches CoachBot over Socket Mode.</param>
    /// <param name="console">As run.sh: the console on, signing in with the workspace's "Sign in with Slack" issuer.</param>
    public static async Task<DemoCluster> StartAsync(PostgresDatabase database, Action<CoachBotApplication>? configure = null, bool socketMode = false, bool console = false)
    {
        var secret = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());
        var token = $"xoxb-demo-{Guid.NewGuid():N}";
        var workspacePort = LocalWorkspaceHost.FreePort();
        var coachBot = new CoachBotApplication(database)
            .WithSetting("Demo:Enabled", "true")
            .WithSetting("Jobs:RunServer", "true")
            .WithSetting("Slack:SigningSecret", secret)
            .WithSetting("Slack:BotToken", token)
            .WithSetting("Slack:ApiBaseUrl", $"http://127.0.0.1:{workspacePort}/api/");
        var appToken = socketMode ? $"xapp-demo-{Guid.NewGuid():N}" : null;
        if (appToken is not null)
        {
            coachBot.WithSetting("Slack:AppToken", appToken).WithSetting("Slack:SocketReconnectDelay", "00:00:00.05").WithSetting("Slack:SocketMaxReconnectDelay", "00:00:00.5");
        }

        (string, string)? signInClient = console ? ($"console-{Guid.NewGuid():N}"[..16], Convert.ToHexStringLower(Guid.NewGuid().ToByteArray())) : null;
        if (signInClient is var (clientId, clientSecret))
        {
            coachBot.WithSetting("Console:Enabled", "true")
                .WithSetting("Console:RequireHttpsMetadata", "false")
                .WithSetting("Console:Slack:Authority", $"http://127.0.0.1:{workspacePort}")
                .WithSetting("Console:Slack:ClientId", clientId)
                .WithSetting("Console:Slack:ClientSecret", clientSecret);
        }

        configure?.Invoke(coachBot);
        var coachBotUrl = coachBot.StartOnLoopback();
        var workspace = await LocalWorkspaceHost.StartAsync(coachBotUrl, secret, token, workspacePort, appToken: appToken, signInClient: signInClient);
        return new DemoCluster(coachBot, workspace, coachBotUrl);
    }

    public async ValueTask DisposeAsync()
    {
        await Workspace.DisposeAsync();
        await CoachBot.DisposeAsync();
    }
}
