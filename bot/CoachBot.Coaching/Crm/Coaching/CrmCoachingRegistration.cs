using CoachBot.Coaching.Crm.Pipeline;
using CoachBot.Coaching.Escalations;
using CoachBot.Coaching.Goals;
using CoachBot.Coaching.People;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CoachBot.Coaching.Crm.Coaching;

public static class CrmCoachingRegistration
{
    /// <summary>
    /// What uses the CRM data: the pipeline reader, and the observers the sync job calls after each run (goal progress,
    /// race suggestions). Expects NpgsqlDataSource and the chat messengers; the sync job resolves IEnumerable&lt;ICrmSyncObserver&gt;.
    /// </summary>
    public static IServiceCollection AddCrmCoaching(this IServiceCollection services)
    {
        services.AddGoals();
        services.TryAddSingleton<ChatMessengers>();
        services.AddPeople();
        services.TryAddSingleton<PipelineReader>();
        services.TryAddSingleton<CrmFedMetrics>();
        services.TryAddSingleton<CrmRaceActions>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICrmSyncObserver, CrmGoalFeed>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICrmSyncObserver, CrmRaceAdvisor>());
        return services;
    }
}
