using CoachBot.Coaching.Crm;
using CoachBot.Coaching.Crm.Import;
using CoachBot.Coaching.Goals;
using CoachBot.Coaching.Learning;
using CoachBot.Coaching.Managers;
using CoachBot.Coaching.People;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CoachBot.Coaching.Escalations;

public static class EscalationsRegistration
{
    /// <summary>
    /// Escalations (IEscalations, EscalationService) and the managers' side (ManagerInbox). Expects NpgsqlDataSource,
    /// TimeProvider, the platforms' IChatMessenger(s) and an IEscalationDeadlines (CoachBot.Jobs adds the Hangfire one).
    /// </summary>
    public static IServiceCollection AddEscalations(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EscalationOptions>, EscalationOptionsValidator>());
        services.AddOptions<EscalationOptions>().BindConfiguration(EscalationOptions.Section).ValidateOnStart();

        services.AddPeople();
        services.TryAddSingleton<AuditLog>();
        services.TryAddSingleton<ChatMessengers>();
        services.TryAddSingleton<ManagersChannel>();
        services.TryAddSingleton<EscalationStore>();
        services.TryAddSingleton<OwnerCalendar>();
        services.TryAddSingleton<EscalationDeadlinePlanner>();
        services.TryAddSingleton<EscalationNotifier>();
        services.TryAddSingleton<EscalationService>();
        services.TryAddSingleton<IEscalations>(s => s.GetRequiredService<EscalationService>());
        services.TryAddSingleton<EscalationWorkflow>();
        services.TryAddSingleton<EscalationDeadlineHandler>();
        services.TryAddSingleton<EscalationRepair>();

        services.TryAddSingleton<IRepActivitySource, NoRepActivity>();
        services.TryAddSingleton<ReportingLine>();
        services.TryAddSingleton<PersonResolver>();
        services.TryAddSingleton<ManagerAccess>();
        services.TryAddSingleton<RepSettings>();
        services.TryAddSingleton<RosterImport>();
        services.AddStyleLearning();
        services.TryAddSingleton<Crm.Pipeline.PipelineReader>();
        services.TryAddSingleton<BriefService>();
        services.TryAddSingleton<StatsQuery>();
        services.TryAddSingleton<EscalationCommands>();
        services.TryAddSingleton<RepChangeNotice>();
        services.TryAddSingleton<RosterCommands>();
        services.TryAddSingleton<AdminCommands>();
        services.TryAddSingleton<IAppInstallQueue, NoAppInstallQueue>();
        services.TryAddSingleton<PersonReach>();
        services.TryAddSingleton<ReachCommands>();
        services.TryAddSingleton<InsightCommands>();
        services.TryAddSingleton<ChannelGuard>();
        services.TryAddSingleton<ManagerHome>();
        services.AddGoals();
        services.TryAddSingleton<ProposeGoalCommand>();
        services.AddCrm();
        services.AddCrmImport();
        services.TryAddSingleton<ManagerInbox>();
        return services;
    }
}
