using CoachBot.Coaching.Chat;
using CoachBot.Platforms.RateLimiting;
using CoachBot.Platforms.Teams.Graph;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CoachBot.Platforms.Teams;

public static class TeamsSendingRegistration
{
    /// <summary>
    /// The send side of Teams (options, bot token, service URL trust, the paced Connector client, <see cref="TeamsMessenger"/>),
    /// with no endpoints or inbound auth, so a plain generic host can send too.
    /// </summary>
    public static IServiceCollection AddTeamsSending(this IServiceCollection services)
    {
        services.AddSingleton<IValidateOptions<TeamsOptions>, TeamsOptionsValidator>();
        services.AddOptions<TeamsOptions>().BindConfiguration(TeamsOptions.Section).ValidateOnStart();
        services.AddSendPacing();
        services.AddSingleton<ConversationReferenceStore>();
        services.AddSingleton<ServiceUrlTrust>();
        services.AddHttpClient(nameof(BotTokenClient));
        services.AddSingleton<BotTokenClient>();
        services.AddTransient<BotTokenHandler>();
        services.AddSingleton<ConnectorSendPolicy>();
        services.AddHttpClient<ConnectorClient>().AddHttpMessageHandler<BotTokenHandler>().AddHttpMessageHandler<BurstGuardHandler>();
        services.AddTransient<TeamsMessenger>();
        services.TryAddEnumerable(ServiceDescriptor.Transient<IChatMessenger, TeamsMessenger>());
        services.AddTeamsGraph();
        return services;
    }
}
