using CoachBot.Coaching.Nudges.History;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CoachBot.Coaching.Learning;

public static class LearningRegistration
{
    /// <summary>
    /// The learning coach's services. The learner itself is pure (<see cref="StyleLearner"/>, <see cref="StyleAdvice"/>);
    /// the composer and the brief call it with the history they already read. Safe to call more than once.
    /// </summary>
    public static IServiceCollection AddStyleLearning(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<NudgeHistory>();
        services.TryAddSingleton<WhyThisWording>();
        return services;
    }
}
