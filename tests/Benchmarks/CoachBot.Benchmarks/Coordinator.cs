using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using CoachBot.Platforms.Slack;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace CoachBot.Benchmarks;

/// <summary>Runs one scenario end to end and prints a result row. Bounded: gives up after timeoutMinutes.</summary>
internal static class Coordinator
{
    public static async Task<int> RunAsync(BenchArgs args)
    {
        var scenario = Scenario.Get(args.Get("scenario", "c"), args);
        var server = args.Get("server", "Host=127.0.0.1;Port=55432;Username=coachbot;Database=postgres");
        var latency = TimeSpan.FromMilliseconds(scenario.LatencyMs);
        var slack = new FakeSlack(scenario.SlackCapPerMinute, latency);
        var teams = new FakeTeams(scenario.TeamsCapPerSecond, latency);
        var fakes = WebApplication.CreateSlimBuilder();
        fakes.WebHost.UseUrls("http://127.0.0.1:0");
        fakes.Logging.SetMinimumLevel(LogLevel.Warning);
        await using var fakeApp = fakes.Build();
        Arrival.Stamp(fakeApp);
        Arrival.MapWarmUp(fakeApp);
        slack.Map(fakeApp);
        teams.Map(fakeApp);
        await fakeApp.StartAsync();
        var baseUrl = fakeApp.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        await Arrival.WarmUpAsync(baseUrl);

        await using var database = new BenchDatabase(server, $"benchmark_{scenario.Name.Replace('-', '_')}_{DateTime.UtcNow:yyyyMMddHHmmss}");
        await database.CreateAsync();
        // A fresh key per run, as an operator would generate one: the seeded installations are sealed with it.
        var slackKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var cipher = new SlackTokenCipher(Options.Create(new SlackOptions { TokenEncryptionKey = slackKey }));
        await database.SeedAsync(scenario, $"{baseUrl}/teams/", cipher);
        Console.Error.WriteLine($"Scenario {scenario.Name}: {scenario.Reps:N0} reps seeded due now; fakes at {baseUrl}");

        string[] workerArgs =
        [
            $"db={database.ConnectionString}", $"slack={baseUrl}/slack/api/", $"slackKey={slackKey}", $"teamsLogin={baseUrl}/teams-login",
            $"workers={args.Int("workers", 20)}",
            $"slackPerMinute={Math.Max(1, scenario.SlackPacePerMinute)}", $"teamsPerSecond={Math.Max(1, scenario.TeamsPacePerSecond).ToString(CultureInfo.InvariantCulture)}",
        ];
        var workers = Enumerable.Range(0, scenario.Instances).Select(_ => new WorkerProcess(workerArgs)).ToList();
        var databaseCpu = new DatabaseCpu(database.DataSource);
        await databaseCpu.StartAsync();
        var load = File.ReadAllText("/proc/loadavg").Split(' ')[..3];
        var clock = Stopwatch.StartNew();
        workers.ForEach(w => w.Start());

        var kills = KillPlan(scenario, args);
        var killed = 0;
        var deadline = TimeSpan.FromMinutes(args.Int("timeoutMinutes", 20));
        Dictionary<string, long> counts = [];
        while (clock.Elapsed < deadline)
        {
            await Task.Delay(500);
            workers.ForEach(w => w.SampleMemory());
            await databaseCpu.SampleAsync();
            if (killed < kills.Count && clock.Elapsed >= kills[killed])
            {
                var victim = workers[killed % workers.Count];
                Console.Error.WriteLine($"  kill -9 at {clock.Elapsed.TotalSeconds:F0}s (sent so far: {slack.Counter.Unique + teams.Counter.Unique:N0}); restarting");
                victim.KillHard();
                victim.Start();
                killed++;
            }

            if (workers.Any(w => w.HasExited))
            {
                Console.Error.WriteLine("  a worker exited on its own; stopping");
                break;
            }

            counts = await database.StatusCountsAsync();
            var open = counts.GetValueOrDefault("pending") + counts.GetValueOrDefault("sending");
            if (counts.Values.Sum() >= scenario.Reps && open == 0 && killed == kills.Count)
            {
                break;
            }
        }

        var elapsed = clock.Elapsed;
        workers.ForEach(w => w.KillHard());
        var span = await database.SentSpanAsync();
        var twice = slack.Counter.Accepted.Concat(teams.Counter.Accepted).Where(kv => kv.Value > 1).Select(kv => kv.Key).ToArray();
        if (twice.Length > 0)
        {
            Console.WriteLine("  duplicated deliveries (id, status, attempts, last_error, reconcile, in_flight_at):");
            foreach (var line in await database.DescribeAsync(twice))
            {
                Console.WriteLine($"    {line}");
            }
        }

        Report(scenario, elapsed, span, counts, slack.Counter, teams.Counter, workers, killed);
        Console.WriteLine($"  database CPU (this database's backends, whole run): {databaseCpu.Spent.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture)} s; load average at start {string.Join(" ", load)}");
        Console.WriteLine($"  rate_gate rows: {await database.RateGateRowsAsync():N0}; Teams tokens issued: {teams.TokensIssued}; Slack calls: {Tally(slack.Methods)}; not implemented by the fake: {Tally(slack.Unexpected)}");
        if (args.Get("plain", scenario.SlackCapPerMinute >= 100_000 ? "after" : "none") == "after")
        {
            await PlainAsync(scenario, args, baseUrl, slack, teams, (slack.Counter.Unique + teams.Counter.Unique) / Math.Max(0.001, (span.Last - span.First).TotalSeconds));
        }

        return 0;
    }

    // Same fakes, same messages, same concurrency (workers × Jobs:SendConcurrency 8 per instance), no CoachBot: the rate
    // this machine allows right now, so the product's rate reads as a share of it. Runs after the product (the Teams fake
    // counts duplicates per conversation, so the product's run is counted first).
    private static async Task PlainAsync(Scenario scenario, BenchArgs args, string baseUrl, FakeSlack slack, FakeTeams teams, double productRate)
    {
        var concurrency = args.Int("workers", 20) * 8 * scenario.Instances;
        var before = slack.Counter.Calls + teams.Counter.Calls;
        var client = new WorkerProcess(
            [$"base={baseUrl}", $"slackWorkspaces={scenario.SlackWorkspaces}", $"teamsTenants={scenario.TeamsTenants}",
             $"repsPerWorkspace={scenario.RepsPerWorkspace}", $"concurrency={concurrency}"], "plain");
        client.Start();
        while (!client.HasExited)
        {
            await Task.Delay(200);
            client.SampleMemory();
        }

        await client.WaitAsync();
        var fields = client.Output.TryDequeue(out var line) ? line.Split(' ') : ["PLAIN", "0", "0", "0"];
        var sent = long.Parse(fields[1], CultureInfo.InvariantCulture);
        var seconds = double.Parse(fields[2], CultureInfo.InvariantCulture);
        var plainRate = sent / Math.Max(0.001, seconds);
        string F(double v) => v.ToString("F1", CultureInfo.InvariantCulture);
        Console.WriteLine($"""
              plain client (no CoachBot, {concurrency} in flight): {sent:N0} posts in {F(seconds)} s = {F(plainRate)} /s; fakes saw {slack.Counter.Calls + teams.Counter.Calls - before:N0} calls, {fields[3]} errors; peak RSS {F(client.PeakRssKb / 1024.0)} MB
              CoachBot / plain client: {(productRate / plainRate).ToString("P1", CultureInfo.InvariantCulture)}
            """);
    }

    private static string Tally(IReadOnlyDictionary<string, int> counts) =>
        counts.Count == 0 ? "none" : string.Join(", ", counts.OrderBy(c => c.Key).Select(c => $"{c.Key} ×{c.Value:N0}"));

    private static List<TimeSpan> KillPlan(Scenario scenario, BenchArgs args)
    {
        // Random moments inside the expected send window (platform floor), spread so each restart has work left.
        var floor = scenario.SlackWorkspaces > 0 && scenario.SlackCapPerMinute < 100_000
            ? TimeSpan.FromMinutes((double)scenario.Reps / scenario.SlackCapPerMinute)
            : TimeSpan.FromSeconds((double)scenario.Reps / Math.Max(1, scenario.TeamsCapPerSecond));
        var random = new Random(args.Int("seed", Environment.TickCount));
        return Enumerable.Range(0, scenario.Kills)
            .Select(i => TimeSpan.FromSeconds(20 + floor.TotalSeconds * (i + random.NextDouble()) / (scenario.Kills + 1)))
            .ToList();
    }

    private static void Report(
        Scenario scenario, TimeSpan elapsed, (DateTime First, DateTime Last) span, Dictionary<string, long> counts,
        DeliveryCounter slack, DeliveryCounter teams, List<WorkerProcess> workers, int kills)
    {
        var delivered = slack.Unique + teams.Unique;
        var calls = slack.Calls + teams.Calls;
        var throttled = slack.Throttled + teams.Throttled;
        var sendSeconds = (span.Last - span.First).TotalSeconds;
        string F(double v) => v.ToString("F1", CultureInfo.InvariantCulture);
        Console.WriteLine($"""

            Scenario {scenario.Name}: {scenario.Reps:N0} reps, {scenario.SlackWorkspaces} Slack workspaces, {scenario.TeamsTenants} Teams tenants, {scenario.Instances} instance(s), {kills} kill -9
              wall time from process start: {F(elapsed.TotalSeconds)} s; first→last send: {F(sendSeconds)} s
              delivered (unique): {delivered:N0}; duplicates: {slack.Duplicates + teams.Duplicates}; lost: {scenario.Reps - delivered:N0}
              rate: {F(delivered / Math.Max(0.001, sendSeconds))} nudges/s over the send span; {F(delivered / elapsed.TotalSeconds)} /s from start
              platform calls: {calls:N0}; 429: {throttled:N0} ({F(100.0 * throttled / Math.Max(1, calls))} %)
              gaps between accepted calls: {(scenario.TeamsTenants == 1 ? teams : slack).GapHistogram()}
              429s at (s since the first call): {(scenario.TeamsTenants == 1 ? teams : slack).ThrottleTimes()}
              ledger: {string.Join(", ", counts.OrderBy(c => c.Key).Select(c => $"{c.Key} {c.Value:N0}"))}
              first dispatcher tick per instance: {string.Join("; ", workers.Select(w => w.Ticks.TryPeek(out var t) ? $"claimed {t.Claimed:N0} in {F(t.ClaimMs)} ms, whole tick {F(t.TickMs)} ms" : "-"))}
              peak RSS per instance (MB): {string.Join(", ", workers.Select(w => F(w.PeakRssKb / 1024.0)))}
            """);
    }
}
