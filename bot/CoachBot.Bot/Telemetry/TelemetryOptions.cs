namespace CoachBot.Bot.Telemetry;

/// <summary>
/// Where telemetry goes. OTLP is off until Telemetry:OtlpEndpoint is set; the /metrics scrape follows the Hangfire
/// dashboard's keys (Jobs:DashboardAdminKey, Jobs:DashboardViewerKey), see docs/observability.md.
/// </summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>An OTLP collector, e.g. http://otel-collector:4317 (grpc) or http://otel-collector:4318 (http/protobuf).</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>grpc or http/protobuf, as OTEL_EXPORTER_OTLP_PROTOCOL spells them.</summary>
    public string OtlpProtocol { get; set; } = "grpc";

    public string ServiceName { get; set; } = "coachbot";
}
