using CoachBot.Bot.Jobs;
using CoachBot.Jobs.Hosting;
using Microsoft.Extensions.Options;

namespace CoachBot.Bot.Telemetry;

/// <summary>
/// /metrics is let in with the Hangfire dashboard's keys (admin or viewer, as a bearer token or Basic password), the
/// same constant-time check; Prometheus sends either from its authorization or basic_auth settings. It runs in the
/// exporter's own branch, before anything is collected.
/// </summary>
internal sealed class MetricsKeyGuard(IOptions<JobsOptions> options)
{
    private readonly DashboardKeyFilter _keys = new(() => options.Value);

    public Task InvokeAsync(HttpContext http, Func<Task> next)
    {
        if (_keys.RoleOf(http.Request.Headers.Authorization.ToString()) is not null)
        {
            return next();
        }

        http.Response.StatusCode = StatusCodes.Status401Unauthorized;
        http.Response.Headers.WWWAuthenticate = "Basic realm=\"CoachBot metrics\", charset=\"UTF-8\"";
        return Task.CompletedTask;
    }
}
