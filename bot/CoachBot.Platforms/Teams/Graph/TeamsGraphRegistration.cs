using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CoachBot.Platforms.Teams.Graph;

public static class TeamsGraphRegistration
{
    /// <summary>Teams:Graph options, the MSAL token source and the Graph client that installs the Teams app for people.</summary>
    public static IServiceCollection AddTeamsGraph(this IServiceCollection services)
    {
        services.AddSingleton<IValidateOptions<TeamsGraphOptions>, TeamsGraphOptionsValidator>();
        services.AddOptions<TeamsGraphOptions>().BindConfiguration(TeamsGraphOptions.Section).ValidateOnStart();
        services.AddHttpClient(GraphTokenSource.HttpClientName);
        services.AddSingleton<GraphTokenSource>();
        services.AddSingleton<GraphThrottle>();
        services.AddHttpClient<GraphClient>();
        services.AddTransient<TeamsAppInstaller>();
        return services;
    }
}
