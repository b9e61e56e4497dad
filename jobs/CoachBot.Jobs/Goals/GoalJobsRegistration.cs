using CoachBot.Coaching.Goals;
using CoachBot.Jobs.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CoachBot.Jobs.Goals;

public static class GoalJobsRegistration
{
    /// <summary>Goals and the half-hourly pace job. Call after AddCoachBotJobs().</summary>
    public static IHostApplicationBuilder AddGoalJobs(this IHostApplicationBuilder builder)
    {
        builder.Services.AddGoals();
        builder.Services.AddTransient<GoalPaceJob>();
        builder.Services.AddHostedService<GoalJobsRegistrar>();
        builder.Services.AddSingleton<IRecurringJobRegistrar, GoalJobsRegistrar>();
        return builder;
    }
}
