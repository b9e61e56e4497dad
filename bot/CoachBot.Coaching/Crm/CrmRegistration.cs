using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CoachBot.Coaching.Crm;

public static class CrmRegistration
{
    /// <summary>
    /// The Crm section, the connection store and its cipher, CrmStore and the `crm` admin commands. Connectors come from
    /// the platforms (AddHubSpotCrm); the sync schedule from CoachBot.Jobs (AddCrmJobs), else nothing syncs.
    /// </summary>
    public static IServiceCollection AddCrm(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CrmOptions>, CrmOptionsValidator>());
        services.AddOptions<CrmOptions>().BindConfiguration(CrmOptions.Section).ValidateOnStart();
        services.TryAddSingleton<CrmSecretCipher>();
        services.TryAddSingleton<CrmConnections>();
        services.TryAddSingleton<CrmStore>();
        services.TryAddSingleton<ICrmSyncSchedule, NoCrmSyncSchedule>();
        services.TryAddSingleton<CrmCommands>();
        return services;
    }
}
