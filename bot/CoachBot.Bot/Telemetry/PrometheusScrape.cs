using CoachBot.Coaching.Telemetry;
using Prometheus;

namespace CoachBot.Bot.Telemetry;

/// <summary>
/// Publishes this app's CoachBot meter in Prometheus' text format through prometheus-net's MeterAdapter, into a
/// registry of its own: only CoachBot's instruments (not another app's in the same process, nor the runtime's).
/// A hosted service, so it listens from start-up and no measurement before the first scrape is lost.
/// </summary>
internal sealed class PrometheusScrape : IHostedService, IDisposable
{
    private readonly IDisposable _adapter;

    public PrometheusScrape(CoachBotMetrics metrics)
    {
        _adapter = MeterAdapter.StartListening(new MeterAdapterOptions
        {
            Registry = Registry,
            InstrumentFilterPredicate = instrument => instrument.Meter == metrics.Meter,
            // The adapter forgets series idle this long; a quiet weekend must not make counters vanish from dashboards.
            MetricsExpireAfter = TimeSpan.FromDays(7),
            ResolveHistogramBuckets = instrument => instrument.Name switch
            {
                "coachbot.ack.duration" => [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 10, 15],
                "coachbot.escalation.time_to_ack" => [60, 300, 900, 1800, 3600, 7200, 14400, 28800, 86400, 172800],
                "coachbot.platform.retry_after" => [0.5, 1, 2, 5, 10, 30, 60, 120, 300],
                _ => [0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
            },
        });
    }

    public CollectorRegistry Registry { get; } = Metrics.NewCustomRegistry();

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => _adapter.Dispose();
}
