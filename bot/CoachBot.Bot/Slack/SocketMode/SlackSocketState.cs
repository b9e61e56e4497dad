using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CoachBot.Bot.Slack.SocketMode;

/// <summary>This instance's Socket Mode connection as /readyz shows it: connected, reconnecting (and why), or stopped (and why).</summary>
internal sealed class SlackSocketState : IHealthCheck
{
    private volatile string _detail = "connecting";
    private volatile HealthStatus _status = HealthStatus.Degraded;

    public bool IsConnected => _status == HealthStatus.Healthy;

    public bool IsStopped => _status == HealthStatus.Unhealthy;

    public void Connected() => Set(HealthStatus.Healthy, "socket mode: connected");

    public void Reconnecting(string reason) => Set(HealthStatus.Degraded, $"socket mode: reconnecting after {reason}");

    // Unhealthy: this instance can no longer hear anyone, and only an operator can change that.
    public void Stopped(string reason) => Set(HealthStatus.Unhealthy, $"socket mode: stopped ({reason})");

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(new HealthCheckResult(_status, _detail));

    private void Set(HealthStatus status, string detail)
    {
        _detail = detail;
        _status = status;
    }
}
