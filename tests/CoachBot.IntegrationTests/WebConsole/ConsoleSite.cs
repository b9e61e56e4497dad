using CoachBot.Testing;
using CoachBot.Testing.Demo;
using CoachBot.Testing.WebConsole;

namespace CoachBot.IntegrationTests.WebConsole;

/// <summary>CoachBot on a loopback port with the console on, signing in through a Slack-shaped and an Entra-shaped local issuer.</summary>
public sealed class ConsoleSite : IAsyncDisposable
{
    private ConsoleSite(CoachBotApplication app, Uri url, LocalIssuerHost slack, LocalIssuerHost entra)
    {
        App = app;
        Url = url;
        Slack = slack;
        Entra = entra;
    }

    public CoachBotApplication App { get; }
    public Uri Url { get; }
    public LocalIssuerHost Slack { get; }
    public LocalIssuerHost Entra { get; }

    public static async Task<ConsoleSite> StartAsync(PostgresDatabase database, Action<CoachBotApplication>? configure = null)
    {
        await ConsoleRoster.SeedAsync(database.DataSource);
        var slack = await LocalIssuerHost.StartSlackAsync(ConsoleRoster.SlackTeam, ConsoleRoster.SlackPeople);
        var entra = await LocalIssuerHost.StartEntraAsync(ConsoleRoster.Tenant, ConsoleRoster.TeamsPeople);
        var app = new CoachBotApplication(database)
            .WithSetting("Console:Enabled", "true")
            .WithSetting("Console:RequireHttpsMetadata", "false")
            .WithSetting("Console:Slack:Authority", slack.Authority)
            .WithSetting("Console:Slack:ClientId", slack.ClientId)
            .WithSetting("Console:Slack:ClientSecret", slack.ClientSecret)
            .WithSetting("Console:Entra:Authority", entra.Authority)
            .WithSetting("Console:Entra:TenantId", ConsoleRoster.Tenant)
            .WithSetting("Console:Entra:ClientId", entra.ClientId)
            .WithSetting("Console:Entra:ClientSecret", entra.ClientSecret)
            .WithConsoleTestPages();
        configure?.Invoke(app);
        var url = app.StartOnLoopback();
        return new ConsoleSite(app, url, slack, entra);
    }

    public ConsoleHttpVisitor Visitor() => new(Url);

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Slack.DisposeAsync();
        await Entra.DisposeAsync();
    }
}
