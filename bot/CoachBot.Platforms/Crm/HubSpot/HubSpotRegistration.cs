using CoachBot.Coaching.Crm;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CoachBot.Platforms.Crm.HubSpot;

public static class HubSpotRegistration
{
    /// <summary>The HubSpot connector as an ICrmConnector, its Crm:HubSpot options (checked at start when a token is set) and its shared rate gate.</summary>
    public static IServiceCollection AddHubSpotCrm(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<HubSpotOptions>, HubSpotOptionsValidator>());
        services.AddOptions<HubSpotOptions>().BindConfiguration(HubSpotOptions.Section).ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<HubSpotRateGate>();
        services.AddHttpClient(HubSpotClient.HttpClientName, http => http.Timeout = TimeSpan.FromSeconds(30));
        services.TryAddSingleton<HubSpotClient>();
        services.TryAddSingleton<HubSpotPipelineStages>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICrmConnector, HubSpotConnector>());
        return services;
    }
}
