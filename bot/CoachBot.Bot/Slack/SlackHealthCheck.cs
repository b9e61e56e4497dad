using CoachBot.Platforms.Slack;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CoachBot.Bot.Slack;

/// <summary>Degraded (still 200, still ready) while a workspace is disabled: the app serves others, but an operator must act.</summary>
internal sealed class SlackHealthCheck(SlackWorkspaces workspaces) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var disabled = await workspaces.ListDisabledAsync(cancellationToken);
        return disabled.Count == 0
            ? HealthCheckResult.Healthy("on")
            : HealthCheckResult.Degraded(string.Join("; ", disabled.Select(w => $"workspace {w.TeamId} disabled ({w.Reason})")));
    }
}
