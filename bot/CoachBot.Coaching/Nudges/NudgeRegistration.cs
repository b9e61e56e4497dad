using CoachBot.Coaching.Nudges.Composing;
using CoachBot.Coaching.Nudges.History;
using CoachBot.Coaching.Nudges.Library;
using CoachBot.Coaching.People;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CoachBot.Coaching.Nudges;

public static class NudgeRegistration
{
    /// <summary>
    /// The nudge library, history and composer (<see cref="INudgeSource"/>). Expects an NpgsqlDataSource; the host binds
    /// <see cref="CoachingOptions"/> from configuration and validates it on start.
    /// </summary>
    public static IServiceCollection AddNudgeLibrary(this IServiceCollection services)
    {
        services.AddOptions<CoachingOptions>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CoachingOptions>, CoachingOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => NudgeLibrary.LoadEmbedded());
        services.AddPeople();
        services.TryAddSingleton<NudgeHistory>();
        services.TryAddSingleton<NudgeRecipients>();
        // The composer adds the rep's one-tap goal log row to a nudge.
        services.TryAddSingleton<Goals.GoalStore>();
        services.TryAddSingleton<Goals.GoalButtons>();
        // Deal-aware nudges read the rep's pipeline; without CRM data it is empty and they are never chosen.
        services.TryAddSingleton<Crm.Pipeline.PipelineReader>();
        services.TryAddSingleton<Deals.NudgeDealFacts>();
        services.TryAddSingleton<NudgeComposer>();
        services.TryAddSingleton<INudgeSource>(s => s.GetRequiredService<NudgeComposer>());
        services.AddSingleton<Conversation.INudgeRecall, History.HistoryNudgeRecall>();
        return services;
    }
}
