using Microsoft.Extensions.Options;
using OpenTelemetry.Exporter;

namespace CoachBot.Bot.Telemetry;

internal sealed class TelemetryOptionsValidator : IValidateOptions<TelemetryOptions>
{
    public ValidateOptionsResult Validate(string? name, TelemetryOptions options)
    {
        if (!string.IsNullOrEmpty(options.OtlpEndpoint) && Endpoint(options) is null)
        {
            return ValidateOptionsResult.Fail($"{TelemetryOptions.Section}:OtlpEndpoint must be an absolute http or https URL (it is '{options.OtlpEndpoint}'); leave it empty to keep OTLP off");
        }

        if (Protocol(options) is null)
        {
            return ValidateOptionsResult.Fail($"{TelemetryOptions.Section}:OtlpProtocol must be grpc or http/protobuf (it is '{options.OtlpProtocol}')");
        }

        return string.IsNullOrWhiteSpace(options.ServiceName)
            ? ValidateOptionsResult.Fail($"{TelemetryOptions.Section}:ServiceName must not be empty")
            : ValidateOptionsResult.Success;
    }

    public static Uri? Endpoint(TelemetryOptions options) =>
        Uri.TryCreate(options.OtlpEndpoint, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri : null;

    public static OtlpExportProtocol? Protocol(TelemetryOptions options) => options.OtlpProtocol switch
    {
        "grpc" => OtlpExportProtocol.Grpc,
        "http/protobuf" => OtlpExportProtocol.HttpProtobuf,
        _ => null,
    };
}
