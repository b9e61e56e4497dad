namespace CoachBot.IntegrationTests.Telemetry;

// OpenTelemetry's MeterProvider listens to every meter named "CoachBot" in the process, so a scrape that counts must
// not overlap another app's test: this collection runs on its own, after the parallel ones.
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection
{
    public const string Name = "Telemetry";
}
