using CoachBot.Coaching.Managers;
using CoachBot.Coaching.Profiles;
using CoachBot.Coaching.Goals;
using CoachBot.Coaching.Escalations;
using CoachBot.Coaching.Nudges.Library;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CoachBot.Bot.WebConsole.Pages;

public static class ConsolePagesRegistration
{
    /// <summary>
    /// The console's five pages as <see cref="IConsolePage"/>s, with the queries behind them. Expects an NpgsqlDataSource;
    /// the console host lists the pages for navigation and routes /console/{slug} to them.
    /// </summary>
    public static IServiceCollection AddConsolePages(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => NudgeLibrary.LoadEmbedded());
        services.TryAddSingleton<EscalationStore>();
        services.TryAddSingleton<ReportingLine>();
        services.TryAddSingleton<ConsoleAudience>();
        services.TryAddSingleton<PersonNames>();
        // The Team page's goal standings; TryAdd, as AddGoals registers the same three for the chat side.
        services.TryAddSingleton<RepScheduleStore>();
        services.TryAddSingleton<GoalStore>();
        services.TryAddSingleton<GoalTracker>();
        services.TryAddSingleton<TeamQuery>();
        services.TryAddSingleton<CoachingQuery>();
        services.TryAddSingleton<DeliveryQuery>();
        services.TryAddSingleton<LibraryLint>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConsolePage, TeamPage>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConsolePage, CoachingPage>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConsolePage, DeliveryPage>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConsolePage, EscalationsPage>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConsolePage, LibraryPage>());
        return services;
    }
}
