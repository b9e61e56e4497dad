using CoachBot.Bot.Jobs;
using CoachBot.Jobs.Hosting;
using Microsoft.Extensions.Options;

namespace CoachBot.Bot.Telemetry;

/// <summary>
/// /metrics is let in with the Hangfire dashboard's keys (admin or viewer, as a bearer token or Basic password), the
/// same constant-time check: Prometheus sends either with its authorization or basic_auth settings.
/// </summary>
internal sealed class MetricsKeyFilter(IOptions<JobsOptions> options) : IEndpointFilter
{
    private readonly DashboardKeyFilter _keys = new(() => options.Value);

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (_keys.RoleOf(http.Request.Headers.Authorization.ToString()) is not null)
        {
            return next(context);
        }

        http.Response.Headers.WWWAuthenticate = "Basic realm=\"CoachBot metrics\", charset=\"UTF-8\"";
        return ValueTask.FromResult<object?>(TypedResults.Unauthorized());
    }
}
