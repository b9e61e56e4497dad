using System.Globalization;
using System.Security.Cryptography;
using CoachBot.Coaching.Data;
using CoachBot.Jobs.Hosting;
using CoachBot.Jobs.Nudges;
using CoachBot.Platforms.Slack;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CoachBot.Benchmarks;

/// <summary>
/// The dispatcher tick alone (`claim` mode): scenario c's reps seeded due now, one DispatchNudgesJob run in-process
/// with the real Hangfire storage but no Hangfire server, so nothing is sent and nothing competes with the claim.
/// Reports the tick time, what it claimed and enqueued, and the database's CPU time over the tick.
/// </summary>
internal static class ClaimProbe
{
    public static async Task<int> RunAsync(BenchArgs args)
    {
        var scenario = Scenario.Get(args.Get("scenario", "c"), args);
        var server = args.Get("server", "Host=127.0.0.1;Port=55432;Username=coachbot;Database=postgres");
        await using var database = new BenchDatabase(server, $"benchmark_claim_{DateTime.UtcNow:yyyyMMddHHmmss}");
        await database.CreateAsync();
        var cipher = new SlackTokenCipher(Options.Create(new SlackOptions { TokenEncryptionKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) }));
        await database.SeedAsync(scenario, "http://127.0.0.1:9/teams/", cipher);
        if (args.Get("seedOnly", "false") == "true")
        {
            Console.WriteLine(database.ConnectionString);
            await Task.Delay(Timeout.Infinite);
        }

        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:CoachBot"] = database.ConnectionString,
            ["Jobs:RunServer"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:CoachBot.Jobs.Nudges.DispatchNudgesJob"] = "Information",
        });
        foreach (var pair in args.ToArgs().Select(a => a.Split('=', 2)).Where(p => p[0].StartsWith("Jobs:", StringComparison.Ordinal)))
        {
            builder.Configuration[pair[0]] = pair[1];
        }

        builder.Services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section);
        builder.Services.AddSingleton(NpgsqlDataSource.Create(database.ConnectionString));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddCoachBotJobs();
        builder.AddCoachBotNudges();
        if (args.Get("enqueue", "true") == "false")
        {
            // Claim alone: send jobs are counted, not written to Hangfire's tables.
            builder.Services.AddSingleton<Hangfire.IBackgroundJobClient, CountingJobClient>();
        }

        using var host = builder.Build();
        await host.StartAsync();

        var cpu = new DatabaseCpu(database.DataSource);
        await cpu.StartAsync();
        DispatchTick tick;
        using (var scope = host.Services.CreateScope())
        {
            tick = await scope.ServiceProvider.GetRequiredService<DispatchNudgesJob>().TickAsync(CancellationToken.None);
        }

        await cpu.SampleAsync();
        var databaseCpu = cpu.Spent;
        var counts = await database.StatusCountsAsync();
        var jobs = (long)(await database.DataSource.CreateCommand("select count(*) from hangfire.job").ExecuteScalarAsync())!;
        var left = (long)(await database.DataSource.CreateCommand("select count(*) from rep_schedule where next_due_at <= now()").ExecuteScalarAsync())!;
        await host.StopAsync();
        var f = CultureInfo.InvariantCulture;
        Console.WriteLine($"""

            Claim probe ({scenario.Reps:N0} reps due, Jobs:DispatchBatchSize {builder.Configuration["Jobs:DispatchBatchSize"] ?? "default"}):
              claim: {tick.ClaimTime.TotalSeconds.ToString("F2", f)} s; whole tick (claim + enqueueing): {tick.Elapsed.TotalSeconds.ToString("F2", f)} s; claimed {tick.Claimed:N0}; ledger: {string.Join(", ", counts.Select(c => $"{c.Key} {c.Value:N0}"))}; still due: {left:N0}
              send jobs enqueued: {jobs:N0}; CPU of this database's backends over the tick: {databaseCpu.TotalSeconds.ToString("F2", f)} s
            """);
        return 0;
    }
}

internal sealed class CountingJobClient : Hangfire.IBackgroundJobClient
{
    private int _created;

    public string Create(Hangfire.Common.Job job, Hangfire.States.IState state) => Interlocked.Increment(ref _created).ToString(CultureInfo.InvariantCulture);

    public bool ChangeState(string jobId, Hangfire.States.IState state, string expectedState) => true;
}
