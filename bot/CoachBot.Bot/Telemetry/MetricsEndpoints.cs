using CoachBot.Jobs.Hosting;
using Prometheus;

namespace CoachBot.Bot.Telemetry;

public static partial class MetricsEndpoints
{
    public const string Path = "/metrics";

    /// <summary>The Prometheus scrape, guarded like /hangfire; not mapped without Jobs:DashboardAdminKey, as the dashboard.</summary>
    public static IEndpointRouteBuilder MapCoachBotMetrics(this IEndpointRouteBuilder app)
    {
        var configuration = app.ServiceProvider.GetRequiredService<IConfiguration>();
        if (string.IsNullOrEmpty(configuration[$"{JobsOptions.Section}:{nameof(JobsOptions.DashboardAdminKey)}"]))
        {
            var logger = app.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(MetricsEndpoints));
            app.ServiceProvider.GetRequiredService<IHostApplicationLifetime>().ApplicationStarted.Register(() => LogMetricsOff(logger));
            return app;
        }

        app.MapGet(Path, ScrapeAsync).AddEndpointFilter<MetricsKeyFilter>().DisableAntiforgery();
        return app;
    }

    private static async Task ScrapeAsync(HttpContext http, PrometheusScrape scrape)
    {
        http.Response.ContentType = "text/plain; version=0.0.4; charset=utf-8";
        await scrape.Registry.CollectAndExportAsTextAsync(http.Response.Body, http.RequestAborted);
    }

    [LoggerMessage(EventId = 4060, Level = LogLevel.Information, Message = "Prometheus scrape off: set Jobs__DashboardAdminKey to enable /metrics")]
    private static partial void LogMetricsOff(ILogger logger);
}
