using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using CoachBot.Testing.Logging;
using Microsoft.Extensions.Time.Testing;

namespace CoachBot.Testing;

/// <summary>
/// The real CoachBot pipeline over a real database. Tests create one each with <c>await using</c>,
/// add settings with <see cref="WithSetting"/>, and talk to it with signed clients.
/// Any error the app logs fails the test when the app is disposed, unless the test declared it with <see cref="ExpectErrors"/>.
/// </summary>
public class CoachBotApplication(PostgresDatabase database) : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings = new()
    {
        ["ConnectionStrings:CoachBot"] = database.ConnectionString,
        // Tests drive jobs explicitly unless they ask for a server.
        ["Jobs:RunServer"] = "false",
        ["Jobs:SchemaName"] = "hangfire",
    };

    private readonly List<Action<IServiceCollection>> _services = [HangfireGlobalLogging.Silence];

    private readonly ErrorLogGuard _errors = new();

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    public PostgresDatabase Database => database;

    /// <summary>Everything the app logged so far.</summary>
    public LogCollector Logs => _errors.Logs;

    /// <summary>
    /// Declares errors this test provokes on purpose (a Slack outage, a poisoned job …): those matching
    /// <paramref name="matches"/> do not fail it. <paramref name="why"/> says which failure, for the reader.
    /// </summary>
    public CoachBotApplication ExpectErrors(string why, Func<LoggedEntry, bool> matches)
    {
        _errors.Expect(why, matches);
        return this;
    }

    /// <summary>Fails now (rather than at disposal) if an undeclared error was logged.</summary>
    public void AssertNoUnexpectedErrors() => _errors.AssertNoUnexpectedErrors();

    public CoachBotApplication WithSetting(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    public CoachBotApplication WithServices(Action<IServiceCollection> configure)
    {
        _services.Add(configure);
        return this;
    }

    public CoachBotApplication WithFakeClock()
    {
        _services.Add(s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseContentRoot(AppContext.BaseDirectory);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.AddSingleton<ILoggerProvider>(_errors.Logs);
            foreach (var configure in _services)
            {
                configure(services);
            }
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
        _errors.AssertNoUnexpectedErrors();
    }
}
