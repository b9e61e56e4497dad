using System.Collections.Concurrent;
using System.Text;
using CoachBot.IntegrationTests.EndToEnd;
using CoachBot.Testing;
using CoachBot.Testing.Teams;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CoachBot.IntegrationTests.Telemetry;

// Telemetry:OtlpEndpoint set: traces and metrics reach a collector on loopback over OTLP/HTTP (protobuf).
[Collection(TelemetryCollection.Name)]
public sealed class OtlpExportTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task WithAnOtlpEndpointANudgesSpanAndCountersReachTheCollectorWithoutItsText()
    {
        var received = new ConcurrentQueue<(string Path, string ContentType, byte[] Body)>();
        var (collector, url) = await LoopbackServer.StartAsync(app => app.MapPost("/v1/{signal}", async (HttpContext http) =>
        {
            using var body = new MemoryStream();
            await http.Request.Body.CopyToAsync(body);
            received.Enqueue((http.Request.Path.Value!, http.Request.ContentType ?? "", body.ToArray()));
            return Results.Ok();
        }));
        await using var stop = collector;
        string text;
        await using (var team = await SlackTeam.StartAsync(database, configure: app => app
            .WithSetting("Telemetry:OtlpEndpoint", url.ToString())
            .WithSetting("Telemetry:OtlpProtocol", "http/protobuf")
            // Metrics are exported while the app runs too, so the test need not hang on the shutdown flush alone, which
            // a loaded CI machine can cut short.
            .WithSetting("OTEL_METRIC_EXPORT_INTERVAL", "250")))
        {
            await team.ImportRosterAsync();
            text = (string)(await team.NudgeRepAsync())["text"]!;
            var deadline = DateTime.UtcNow.AddSeconds(15);
            while (!Concatenated(received.Where(r => r.Path == "/v1/metrics")).Contains("coachbot.nudges", StringComparison.Ordinal) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }

        // Shutting the app down flushes both exporters.
        var traces = Concatenated(received.Where(r => r.Path == "/v1/traces"));
        var metrics = Concatenated(received.Where(r => r.Path == "/v1/metrics"));
        Assert.All(received, r => Assert.Equal("application/x-protobuf", r.ContentType));
        Assert.Contains("coachbot.delivery.attempt", traces);
        Assert.Contains("coachbot.nudges", metrics);
        Assert.DoesNotContain(text, traces);
        Assert.DoesNotContain(text, metrics);
    }

    [Fact]
    public async Task WithoutAnOtlpEndpointNothingIsExported()
    {
        var received = 0;
        var (collector, _) = await LoopbackServer.StartAsync(app => app.MapPost("/v1/{signal}", () =>
        {
            Interlocked.Increment(ref received);
            return Results.Ok();
        }));
        await using var stop = collector;

        await using (var team = await SlackTeam.StartAsync(database))
        {
            await team.ImportRosterAsync();
            await team.NudgeRepAsync();
        }

        Assert.Equal(0, received);
    }

    // Protobuf keeps strings as UTF-8 bytes, so names and any leaked text are findable without decoding.
    private static string Concatenated(IEnumerable<(string Path, string ContentType, byte[] Body)> requests) =>
        string.Concat(requests.Select(r => Encoding.UTF8.GetString(r.Body)));
}
