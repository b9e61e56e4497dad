using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CoachBot.Platforms.RateLimiting;

public static class RateLimitingRegistration
{
    /// <summary>
    /// Send pacing, owned here only: the <see cref="SharedRateGate"/> every sender paces through, the
    /// <see cref="BurstGuard"/> and its handler, and <see cref="SendReservations"/> for callers that reserve a batch.
    /// Safe to call from every feature that sends. Expects an NpgsqlDataSource.
    /// </summary>
    public static IServiceCollection AddSendPacing(this IServiceCollection services)
    {
        services.AddOptions();
        services.TryAddSingleton<SharedRateGate>();
        services.TryAddSingleton<BurstGuard>();
        services.TryAddTransient<BurstGuardHandler>();
        services.TryAddSingleton<SendReservations>();
        return services;
    }
}
