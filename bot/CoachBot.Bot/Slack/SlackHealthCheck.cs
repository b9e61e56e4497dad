using CoachBot.Coaching.Data;
using CoachBot.Platforms.Slack;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CoachBot.Bot.Slack;

/// <summary>Degraded (still 200, still ready) while a workspace is disabled: the app serves others, but an operator must act.</summary>
internal sealed class SlackHealthCheck(SlackWorkspaces workspaces) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<SlackWorkspaces.DisabledWorkspace> disabled;
        try
        {
            disabled = await workspaces.ListDisabledAsync(cancellationToken);
        }
        catch (Exception ex) when (DatabaseOutage.IsOutage(ex))
        {
            // The postgresql check already says the database is away; this one just cannot tell which workspaces are on.
            return HealthCheckResult.Unhealthy($"workspace states unknown: PostgreSQL unreachable ({ex.GetType().Name})");
        }

        return disabled.Count == 0
            ? HealthCheckResult.Healthy("on")
            : HealthCheckResult.Degraded(string.Join("; ", disabled.Select(w => $"workspace {w.TeamId} disabled ({w.Reason})")));
    }
}
