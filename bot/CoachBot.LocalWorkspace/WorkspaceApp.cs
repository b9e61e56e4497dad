using CoachBot.LocalWorkspace.Api;
using CoachBot.LocalWorkspace.Outbound;
using CoachBot.LocalWorkspace.Roster;
using CoachBot.LocalWorkspace.SignIn;
using CoachBot.LocalWorkspace.State;
using CoachBot.LocalWorkspace.Ui;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace CoachBot.LocalWorkspace;

/// <summary>Builds the emulator host; tests call it directly to run the workspace in-process on a loopback port.</summary>
public static class WorkspaceApp
{
    public const string DefaultUrl = "http://127.0.0.1:5090";

    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        if (string.IsNullOrEmpty(builder.Configuration["Urls"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
        builder.Services.AddOptions<WorkspaceOptions>()
            .BindConfiguration(WorkspaceOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton(new WorkspaceClock(TimeProvider.System));
        builder.Services.AddSingleton<TimeProvider>(services => services.GetRequiredService<WorkspaceClock>());
        builder.Services.AddSingleton(DemoRoster.LoadEmbedded());
        builder.Services.AddSingleton<SelfUrl>();
        builder.Services.AddSingleton<WorkspaceStore>();
        builder.Services.AddHostedService(services => services.GetRequiredService<WorkspaceStore>());
        builder.Services.AddSingleton(services => services.GetRequiredService<WorkspaceStore>().Load(new WorkspaceState(
            services.GetRequiredService<DemoRoster>(), services.GetRequiredService<IOptions<WorkspaceOptions>>().Value, services.GetRequiredService<TimeProvider>())));
        builder.Services.AddSingleton<ResponseUrls>();
        builder.Services.AddHttpClient<CoachBotClient>((services, http) =>
            http.BaseAddress = services.GetRequiredService<IOptions<WorkspaceOptions>>().Value.CoachBotUrl);
        builder.Services.AddSingleton<SocketModeLink>();
        builder.Services.AddSingleton<SlashCommands>();
        builder.Services.AddSingleton<WorkspaceActions>();

        var app = builder.Build();
        var files = new EmbeddedFileProvider(typeof(WorkspaceApp).Assembly, "CoachBot.LocalWorkspace.wwwroot");
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        app.MapSocketMode();
        app.MapSlackWebApi();
        app.MapResponseUrls();
        app.MapWorkspaceUi();
        if (SlackIssuer(app.Services) is { } issuer)
        {
            app.MapOidcIssuer(issuer);
        }

        return app;
    }

    // The demo people sign in to CoachBot's console here, as they would with slack.com's "Sign in with Slack".
    private static OidcIssuer? SlackIssuer(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<WorkspaceOptions>>().Value;
        if (string.IsNullOrEmpty(options.SignInClientId) || string.IsNullOrEmpty(options.SignInClientSecret))
        {
            return null;
        }

        var roster = services.GetRequiredService<DemoRoster>();
        var people = roster.People.Select(p => new IssuerPerson(p.UserId, p.Name, p.Email, p.Title)).ToList();
        return new OidcIssuer(OidcDialect.Slack(options.TeamId), options.SignInClientId, options.SignInClientSecret, people, roster.TeamName);
    }
}
