using CoachBot.Coaching.Goals;
using CoachBot.Coaching.Learning;
using CoachBot.Coaching.Managers;
using CoachBot.Coaching.Nudges.History;
using CoachBot.Coaching.Nudges.Library;
using CoachBot.Coaching.Onboarding;
using CoachBot.Coaching.People;
using CoachBot.Coaching.Privacy;
using CoachBot.Coaching.Profiles;
using CoachBot.Coaching.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CoachBot.Coaching.Conversation;

public static class ConversationRegistration
{
    /// <summary>
    /// The rep conversation (<see cref="RepInbox"/> and its parts). Expects an NpgsqlDataSource and an
    /// <see cref="Escalations.IEscalations"/>; an <see cref="INudgeRecall"/> is optional.
    /// </summary>
    public static IServiceCollection AddRepConversation(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddPeople();
        services.AddStyleLearning();
        // Need help, replies and questions answer from the library's words.
        services.TryAddSingleton(_ => NudgeLibrary.LoadEmbedded());
        services.TryAddSingleton(s => new NudgeSearch(s.GetRequiredService<NudgeLibrary>()));
        services.TryAddSingleton<INudgeRecall, NoNudgeRecall>();
        services.TryAddSingleton<NudgeDeliveries>();
        // The weekly brief reads what the ledger and streaks know; replaces the escalations' NoRepActivity whatever the order.
        services.Replace(ServiceDescriptor.Singleton<IRepActivitySource, LedgerRepActivity>());
        services.AddSingleton<RepProfileStore>();
        services.AddSingleton<RepScheduleStore>();
        services.AddSingleton<RepReplyStore>();
        services.AddSingleton<NudgeResponseStore>();
        services.AddSingleton<EscalationOfferStore>();
        services.AddSingleton<RepDataStore>();
        services.AddSingleton<RepStreaks>();
        services.AddSingleton<OnboardingFlow>();
        services.AddSingleton<EscalationOffers>();
        services.AddSingleton<NudgeResponses>();
        services.AddSingleton<ScheduleCommands>();
        services.AddSingleton<PrivacyConversation>();
        services.AddSingleton<RepCommands>();
        services.AddSingleton<RepHome>();
        services.AddGoals();
        // The rep's answer to a race suggested from their CRM arrives as a button on the rep side.
        services.TryAddSingleton<Crm.Coaching.CrmRaceActions>();
        services.AddSingleton<RepInbox>();
        return services;
    }
}
