using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CoachBot.Coaching.Crm.Import;

public static class CrmImportRegistration
{
    /// <summary>The CSV deals import (`crm import deals`) and the CrmStore it writes through.</summary>
    public static IServiceCollection AddCrmImport(this IServiceCollection services)
    {
        services.TryAddSingleton<CrmStore>();
        services.TryAddSingleton<DealsImport>();
        services.TryAddSingleton<ImportDealsCommand>();
        return services;
    }
}
