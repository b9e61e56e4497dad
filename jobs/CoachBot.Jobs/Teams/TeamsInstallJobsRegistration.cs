using CoachBot.Coaching.Managers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace CoachBot.Jobs.Teams;

public static class TeamsInstallJobsRegistration
{
    /// <summary>`install teams` through Microsoft Graph as a Hangfire job. Call after AddCoachBotJobs() and AddEscalationJobs().</summary>
    public static IHostApplicationBuilder AddTeamsInstallJobs(this IHostApplicationBuilder builder)
    {
        builder.Services.Replace(ServiceDescriptor.Singleton<IAppInstallQueue, HangfireAppInstallQueue>());
        builder.Services.AddSingleton<TeamsAppInstallations>();
        builder.Services.AddSingleton<RosterInstallations>();
        builder.Services.AddTransient<RosterResolver>();
        builder.Services.AddTransient<InstallTeamsAppJob>();
        return builder;
    }
}
