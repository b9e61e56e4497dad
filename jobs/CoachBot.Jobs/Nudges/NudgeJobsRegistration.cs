using CoachBot.Jobs.Hosting;
using CoachBot.Coaching.Managers;
using CoachBot.Coaching.Escalations;
using CoachBot.Coaching.People;
using CoachBot.Coaching.Scheduling;
using CoachBot.Platforms.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace CoachBot.Jobs.Nudges;

public static class NudgeJobsRegistration
{
    /// <summary>Scheduled nudges: the dispatcher and follow-up ticks, batched senders and the delivery ledger.</summary>
    public static IHostApplicationBuilder AddCoachBotNudges(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSendPacing();
        services.TryAddSingleton<NudgeDeliveries>();
        services.AddPeople();
        services.TryAddSingleton<ChatMessengers>();
        services.TryAddSingleton<PersonReach>();
        services.TryAddSingleton<UnreachableRepNotice>();
        services.AddSingleton<DueReps>();
        services.AddSingleton<Orphans>();
        services.AddSingleton<DeliveryLedger>();
        services.AddTransient<SendBatches>();
        // Built on demand: INudgeSource and the messengers come from other features and may be absent at startup.
        services.AddTransient(sp => ActivatorUtilities.CreateInstance<DeliveryAttempt>(sp));
        services.AddTransient(sp => ActivatorUtilities.CreateInstance<SendDeliveryBatchJob>(sp));
        services.AddTransient<DispatchNudgesJob>();
        services.AddTransient<FollowUpNudgesJob>();
        services.AddSingleton<DueNudgeRunner>();
        services.AddHostedService<RecurringNudgeJobs>();
        services.AddSingleton<IRecurringJobRegistrar, RecurringNudgeJobs>();
        return builder;
    }
}
