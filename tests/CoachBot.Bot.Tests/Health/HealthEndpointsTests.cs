using System.Net;
using System.Text.Json;
using CoachBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CoachBot.Bot.Tests.Health;

public sealed class HealthEndpointsTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task HealthzAnswersWithoutTouchingDependencies()
    {
        await using var app = new CoachBotApplication(database);
        using var client = app.CreateClient();

        var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ReadyzReportsPostgresAndHangfireHealthy()
    {
        await using var app = new CoachBotApplication(database);
        using var client = app.CreateClient();

        var response = await client.GetAsync("/readyz");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", body.RootElement.GetProperty("checks").GetProperty("postgresql").GetProperty("status").GetString());
        Assert.Equal("Healthy", body.RootElement.GetProperty("checks").GetProperty("hangfire").GetProperty("status").GetString());
    }

    [Fact]
    public async Task PostgresCheckIsUnhealthyAndNamesPostgresWhenNothingListens()
    {
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
        services.AddLogging();
        services.AddSingleton(Npgsql.NpgsqlDataSource.Create("Host=127.0.0.1;Port=1;Username=x;Timeout=2"));
        CoachBot.Bot.Health.HealthRegistration.AddPostgres(services.AddHealthChecks());
        await using var provider = services.BuildServiceProvider();

        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        var entry = report.Entries[CoachBot.Bot.Health.HealthRegistration.Postgres];

        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.StartsWith("PostgreSQL unreachable: ", CoachBot.Bot.Health.HealthRegistration.Detail(CoachBot.Bot.Health.HealthRegistration.Postgres, entry));
    }
}
