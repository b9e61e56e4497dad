using CoachBot.Coaching.Escalations;
using CoachBot.Coaching.Profiles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CoachBot.Coaching.Goals;

public static class GoalsRegistration
{
    /// <summary>
    /// Each rep's goals, progress, pace and records. Both the rep conversation and the managers' side (proposals, the
    /// brief) need them, so both call this; every line is a TryAdd. Expects NpgsqlDataSource and the chat messengers.
    /// </summary>
    public static IServiceCollection AddGoals(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ChatMessengers>();
        services.TryAddSingleton<RepScheduleStore>();
        services.TryAddSingleton<RepProfileStore>();
        services.TryAddSingleton<GoalStore>();
        services.TryAddSingleton<GoalTracker>();
        services.TryAddSingleton<Crm.Coaching.CrmFedMetrics>();
        services.TryAddSingleton<GoalCommands>();
        services.TryAddSingleton<GoalProposals>();
        services.TryAddSingleton<GoalActionHandler>();
        services.TryAddSingleton<GoalButtons>();
        services.TryAddSingleton<PaceNotices>();
        return services;
    }
}
