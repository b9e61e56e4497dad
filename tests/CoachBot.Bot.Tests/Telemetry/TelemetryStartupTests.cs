using CoachBot.Testing;

namespace CoachBot.Bot.Tests.Telemetry;

// Runs the real binary: a telemetry setting that cannot work ends start-up in one line naming its key.
public sealed class TelemetryStartupTests
{
    [Theory]
    [InlineData("Telemetry__OtlpEndpoint", "otel-collector:4317", "Telemetry:OtlpEndpoint must be an absolute http or https URL")]
    [InlineData("Telemetry__OtlpEndpoint", "ftp://collector/", "Telemetry:OtlpEndpoint must be an absolute http or https URL")]
    [InlineData("Telemetry__OtlpProtocol", "udp", "Telemetry:OtlpProtocol must be grpc or http/protobuf")]
    public async Task ABadOtlpSettingEndsStartUpInOneLineNamingTheKey(string variable, string value, string expected)
    {
        var run = await BotProcess.RunToExitAsync((variable, value));

        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith("CoachBot cannot start: ", line);
        Assert.Contains(expected, line);
        Assert.DoesNotContain("   at ", run.Stdout + run.Stderr);
    }
}
