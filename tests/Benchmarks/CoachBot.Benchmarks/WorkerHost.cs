using System.Diagnostics;
using CoachBot.Coaching.Chat;
using CoachBot.Coaching.Data;
using CoachBot.Coaching.Nudges;
using CoachBot.Jobs.Hosting;
using CoachBot.Jobs.Nudges;
using Npgsql;

namespace CoachBot.Benchmarks;

/// <summary>One CoachBot jobs instance: the real Hangfire server, dispatcher, senders and ledger, with wire-format senders.</summary>
internal static class WorkerHost
{
    public static async Task<int> RunAsync(BenchArgs args)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:CoachBot"] = args.Get("db", ""),
            ["Jobs:WorkerCount"] = args.Get("workers", "20"),
            ["Jobs:SlackMessagesPerMinute"] = args.Get("slackPerMinute", "100000"),
            ["Jobs:TeamsRequestsPerSecond"] = args.Get("teamsPerSecond", "10000"),
            ["Jobs:InvisibilityTimeout"] = "00:01:00",
            ["Jobs:DeliveryLease"] = "00:00:30",
            ["Jobs:QueuePollInterval"] = "00:00:01",
            ["Jobs:SchedulePollingInterval"] = "00:00:01",
            ["Jobs:MaxPoolSize"] = "40",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:CoachBot.Jobs.Nudges.DispatchNudgesJob"] = "Information",
        });
        builder.Services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section);
        builder.Services.AddSingleton(NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(args.Get("db", "")) { MaxPoolSize = 60 }.ConnectionString));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddCoachBotJobs();
        builder.AddCoachBotNudges();
        builder.Services.AddSingleton<INudgeSource, BenchNudgeSource>();
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            Timeout = TimeSpan.FromSeconds(30),
        };
        builder.Services.AddSingleton<IChatMessenger>(new SlackWireMessenger(http, args.Get("slack", "")));
        builder.Services.AddSingleton<IChatMessenger>(new TeamsWireMessenger(http, args.Get("teams", "")));
        builder.Services.AddHostedService(sp => new TickLoop(sp, TimeSpan.FromSeconds(args.Int("tickSeconds", 10))));
        using var host = builder.Build();
        await host.RunAsync();
        return 0;
    }

    // The production tick runs once a minute through Hangfire; here it also runs right away and every few seconds,
    // so the start is not tied to a minute boundary and crash recovery (orphan sweep) is observable quickly.
    private sealed class TickLoop(IServiceProvider services, TimeSpan every) : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var started = Stopwatch.GetTimestamp();
                using (var scope = services.CreateScope())
                {
                    await scope.ServiceProvider.GetRequiredService<DispatchNudgesJob>().RunAsync(stoppingToken);
                }

                Console.WriteLine($"TICK {Stopwatch.GetElapsedTime(started).TotalMilliseconds:F0}");
                await Task.Delay(every, stoppingToken);
            }
        }
    }
}
