using CoachBot.Coaching.Crm;
using CoachBot.Jobs.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace CoachBot.Jobs.Crm;

public static class CrmJobsRegistration
{
    /// <summary>The CRM core, each connection's Hangfire sync and their start-up registration. Call after AddCoachBotJobs(); connectors come from AddHubSpotCrm() and friends.</summary>
    public static IHostApplicationBuilder AddCrmJobs(this IHostApplicationBuilder builder)
    {
        builder.Services.AddCrm();
        builder.Services.Replace(ServiceDescriptor.Singleton<ICrmSyncSchedule, HangfireCrmSyncSchedule>());
        builder.Services.TryAddSingleton<CrmSyncLease>();
        builder.Services.AddTransient<CrmSyncJob>();
        builder.Services.AddHostedService<CrmJobsRegistrar>();
        builder.Services.AddSingleton<IRecurringJobRegistrar, CrmJobsRegistrar>();
        return builder;
    }
}
