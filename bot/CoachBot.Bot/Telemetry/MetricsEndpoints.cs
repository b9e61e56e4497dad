using CoachBot.Jobs.Hosting;

namespace CoachBot.Bot.Telemetry;

public static partial class MetricsEndpoints
{
    public const string Path = "/metrics";

    /// <summary>
    /// The Prometheus scrape (OpenTelemetry's exporter), guarded like /hangfire; not mapped without
    /// Jobs:DashboardAdminKey, like the dashboard.
    /// </summary>
    public static IEndpointRouteBuilder MapCoachBotMetrics(this IEndpointRouteBuilder app)
    {
        var configuration = app.ServiceProvider.GetRequiredService<IConfiguration>();
        if (string.IsNullOrEmpty(configuration[$"{JobsOptions.Section}:{nameof(JobsOptions.DashboardAdminKey)}"]))
        {
            var logger = app.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(MetricsEndpoints));
            app.ServiceProvider.GetRequiredService<IHostApplicationLifetime>().ApplicationStarted.Register(() => LogMetricsOff(logger));
            return app;
        }

        var guard = ActivatorUtilities.CreateInstance<MetricsKeyGuard>(app.ServiceProvider);
        app.MapPrometheusScrapingEndpoint(Path, meterProvider: null, configureBranchedPipeline: branch => branch.Use(guard.InvokeAsync), optionsName: null);
        return app;
    }

    [LoggerMessage(EventId = 4060, Level = LogLevel.Information, Message = "Prometheus scrape off: set Jobs__DashboardAdminKey to enable /metrics")]
    private static partial void LogMetricsOff(ILogger logger);
}
