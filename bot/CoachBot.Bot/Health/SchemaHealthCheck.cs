using CoachBot.Bot.Hosting;
using CoachBot.Coaching.Data;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace CoachBot.Bot.Health;

// Reachable is not ready: an empty or old database fails every request. Finding it behind also wakes the repair.
internal sealed class SchemaHealthCheck(NpgsqlDataSource dataSource, SchemaGuard guard) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(3));
            var pending = await DatabaseMigrator.PendingAsync(dataSource, timeout.Token);
            if (pending.Count == 0 && !guard.Repairing)
            {
                return HealthCheckResult.Healthy($"up to date ({DatabaseMigrator.Latest})");
            }

            guard.CheckSoon();
            return pending.Count == 0
                ? HealthCheckResult.Unhealthy("schema restored; restoring Hangfire's schema and recurring jobs")
                : HealthCheckResult.Unhealthy($"{pending.Count} migration(s) not applied (latest {DatabaseMigrator.Latest}): migrating now");
        }
        catch (Exception ex) when (ex is NpgsqlException or OperationCanceledException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy($"schema unknown: PostgreSQL unreachable ({ex.GetType().Name})");
        }
    }
}
