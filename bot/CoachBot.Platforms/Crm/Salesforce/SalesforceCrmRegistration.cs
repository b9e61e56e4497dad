using CoachBot.Coaching.Crm;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CoachBot.Platforms.Crm.Salesforce;

public static class SalesforceCrmRegistration
{
    /// <summary>Crm:Salesforce options (checked at start-up when set), the token source, the SOQL client and the connector as an <see cref="ICrmConnector"/>.</summary>
    public static IServiceCollection AddSalesforceCrm(this IServiceCollection services)
    {
        services.AddSingleton<IValidateOptions<SalesforceOptions>, SalesforceOptionsValidator>();
        services.AddOptions<SalesforceOptions>().BindConfiguration(SalesforceOptions.Section).ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(SalesforceTokenSource.HttpClientName);
        services.AddHttpClient(SalesforceClient.HttpClientName);
        // Singletons: the token, the org's usage stop and the currency finding belong to the org, shared by every sync.
        services.AddSingleton<SalesforceTokenSource>();
        services.AddSingleton<SalesforceClient>();
        services.AddSingleton<SalesforceConnector>();
        services.AddSingleton<ICrmConnector>(sp => sp.GetRequiredService<SalesforceConnector>());
        return services;
    }
}
