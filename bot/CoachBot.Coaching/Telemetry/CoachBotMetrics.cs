using System.Diagnostics.Metrics;

namespace CoachBot.Coaching.Telemetry;

/// <summary>
/// CoachBot's instruments on its "CoachBot" meter, one method per thing that happened. Attributes are bounded names
/// (state, platform, endpoint, rate key): never message text, tokens or people. The catalogue is docs/observability.md.
/// </summary>
public sealed class CoachBotMetrics
{
    public const string MeterName = "CoachBot";

    private readonly Counter<long> _nudges;
    private readonly Counter<long> _rateLimited;
    private readonly Histogram<double> _retryAfter;
    private readonly Histogram<double> _ack;
    private readonly Histogram<double> _tick;
    private readonly Counter<long> _escalations;
    private readonly Histogram<double> _timeToAck;
    private long _dueBacklog;

    // Created through the host's IMeterFactory, so two apps in one process (tests) keep apart and a listener can tell them apart.
    public CoachBotMetrics(IMeterFactory meters)
    {
        Meter = meters.Create(MeterName);
        _nudges = Meter.CreateCounter<long>("coachbot.nudges", "{nudge}", "Nudge deliveries reaching a ledger state");
        _rateLimited = Meter.CreateCounter<long>("coachbot.platform.rate_limited", "{response}", "HTTP 429 answers from Slack or Teams");
        _retryAfter = Meter.CreateHistogram<double>("coachbot.platform.retry_after", "s", "Waits a 429's Retry-After imposed on a rate key");
        _ack = Meter.CreateHistogram<double>("coachbot.ack.duration", "s", "Time from an inbound Slack or Teams request to its acknowledgement");
        _tick = Meter.CreateHistogram<double>("coachbot.dispatcher.tick.duration", "s", "Duration of one dispatch-nudges tick");
        Meter.CreateObservableGauge("coachbot.dispatcher.due_backlog", () => Volatile.Read(ref _dueBacklog), "{delivery}",
            "Deliveries due but not yet sent, as the last tick left them");
        _escalations = Meter.CreateCounter<long>("coachbot.escalations", "{escalation}", "Escalations opened, acknowledged and resolved");
        _timeToAck = Meter.CreateHistogram<double>("coachbot.escalation.time_to_ack", "s", "Time from an escalation's raise to its acknowledgement");
    }

    public Meter Meter { get; }

    /// <summary><paramref name="state"/>: the ledger state reached (sent, failed, expired, unknown, retry).</summary>
    public void Nudge(string platform, string state) =>
        _nudges.Add(1, new KeyValuePair<string, object?>("state", state), new KeyValuePair<string, object?>("platform", platform));

    public void RateLimited(string rateKey, TimeSpan retryAfter)
    {
        var key = new KeyValuePair<string, object?>("rate_key", rateKey);
        _rateLimited.Add(1, key);
        _retryAfter.Record(retryAfter.TotalSeconds, key);
    }

    public void Acked(string endpoint, TimeSpan elapsed) => _ack.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("endpoint", endpoint));

    public void DispatcherTicked(TimeSpan elapsed, long dueBacklog)
    {
        _tick.Record(elapsed.TotalSeconds);
        Volatile.Write(ref _dueBacklog, dueBacklog);
    }

    public void Escalation(string state) => _escalations.Add(1, new KeyValuePair<string, object?>("state", state));

    public void EscalationAcknowledged(TimeSpan timeToAck)
    {
        Escalation("acknowledged");
        _timeToAck.Record(Math.Max(0, timeToAck.TotalSeconds));
    }
}
