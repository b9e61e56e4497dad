using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace CoachBot.Testing;

/// <summary>
/// The real CoachBot pipeline over a real database. Tests create one each with <c>await using</c>,
/// add settings with <see cref="WithSetting"/>, and talk to it with signed clients.
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

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    public PostgresDatabase Database => database;

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
            foreach (var configure in _services)
            {
                configure(services);
            }
        });
    }
}
