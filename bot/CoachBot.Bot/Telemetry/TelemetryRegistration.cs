using CoachBot.Coaching.Telemetry;
using Hangfire;
using Hangfire.Common;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CoachBot.Bot.Telemetry;

public static class TelemetryRegistration
{
    /// <summary>
    /// The CoachBot meter and activity source, OpenTelemetry's ASP.NET Core, HttpClient and Npgsql instrumentation,
    /// OTLP export when Telemetry:OtlpEndpoint is set (off by default), the Prometheus exporter and the Hangfire job spans.
    /// </summary>
    public static WebApplicationBuilder AddTelemetry(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IValidateOptions<TelemetryOptions>, TelemetryOptionsValidator>();
        builder.Services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.Section).ValidateOnStart();
        builder.Services.AddMetrics();
        builder.Services.TryAddSingleton<CoachBotMetrics>();
        builder.Services.AddSingleton<IStartupFilter, AckTiming>();

        // Hangfire's performer takes its filters from this service; the job spans join the global filters there
        // (not in GlobalJobFilters, which every app in a test process shares).
        builder.Services.AddSingleton<IJobFilterProvider>(services =>
        {
            services.GetRequiredService<IGlobalConfiguration>();
            return new JobFilterProviderCollection(GlobalJobFilters.Filters, new JobFilterCollection { new JobActivityFilter() });
        });

        // Read raw: the exporter is chosen while registering; a bad value still fails start-up in the validator above.
        var settings = builder.Configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(string.IsNullOrWhiteSpace(settings.ServiceName) ? "coachbot" : settings.ServiceName))
            .WithTracing(tracing => tracing
                .AddSource(CoachBotActivities.SourceName)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation(http => http.EnrichWithHttpRequestMessage = OutboundUrls.Redact)
                .AddNpgsql())
            .WithMetrics(metrics => metrics
                .AddMeter(CoachBotMetrics.MeterName)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddView("coachbot.ack.duration", Buckets(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 10, 15))
                .AddView("coachbot.platform.retry_after", Buckets(0.5, 1, 2, 5, 10, 30, 60, 120, 300))
                .AddView("coachbot.dispatcher.tick.duration", Buckets(0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60))
                .AddView("coachbot.escalation.time_to_ack", Buckets(60, 300, 900, 1800, 3600, 7200, 14400, 28800, 86400, 172800))
                .AddPrometheusExporter());
        if (TelemetryOptionsValidator.Endpoint(settings) is { } endpoint && TelemetryOptionsValidator.Protocol(settings) is { } protocol)
        {
            otel.UseOtlpExporter(protocol, endpoint);
        }

        return builder;
    }

    // Seconds, sized to each instrument: acks against Slack's 3 s, escalations against hours-long deadlines.
    private static ExplicitBucketHistogramConfiguration Buckets(params double[] bounds) => new() { Boundaries = bounds };
}
