using CoachBot.Jobs.Hosting;
using CoachBot.Coaching.Escalations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace CoachBot.Jobs.Escalations;

public static class EscalationJobsRegistration
{
    /// <summary>Escalations with their Hangfire deadlines, and the recurring jobs: weekly briefs, hourly missed nudges, the five-minute escalation repair. Call after AddCoachBotJobs().</summary>
    public static IHostApplicationBuilder AddEscalationJobs(this IHostApplicationBuilder builder)
    {
        builder.Services.AddEscalations();
        builder.Services.Replace(ServiceDescriptor.Singleton<IEscalationDeadlines, HangfireEscalationDeadlines>());
        builder.Services.AddTransient<EscalationDeadlineJob>();
        builder.Services.AddTransient<WeeklyBriefsJob>();
        builder.Services.AddTransient<MissedNudgesJob>();
        builder.Services.AddTransient<EscalationRepairJob>();
        builder.Services.AddHostedService<EscalationJobsRegistrar>();
        builder.Services.AddSingleton<IRecurringJobRegistrar, EscalationJobsRegistrar>();
        return builder;
    }
}
