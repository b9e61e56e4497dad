using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CoachBot.Bot.Health;

internal sealed class HangfireStorageHealthCheck(JobStorage storage) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            // A cheap round trip through Hangfire's own schema, not just the server.
            var servers = storage.GetMonitoringApi().Servers().Count;
            return Task.FromResult(HealthCheckResult.Healthy($"{servers} server(s)"));
        }
        catch (Exception ex)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy($"Hangfire storage unreachable: {ex.GetType().Name}"));
        }
    }
}
