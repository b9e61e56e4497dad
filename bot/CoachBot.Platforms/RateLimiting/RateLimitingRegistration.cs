using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CoachBot.Platforms.RateLimiting;

public static class RateLimitingRegistration
{
    /// <summary>The <see cref="SharedRateGate"/> every sender paces through. Expects an NpgsqlDataSource.</summary>
    public static IServiceCollection AddSharedRateGate(this IServiceCollection services)
    {
        services.TryAddSingleton<SharedRateGate>();
        return services;
    }
}
