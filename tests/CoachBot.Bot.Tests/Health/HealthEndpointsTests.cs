using System.Net;
using System.Text.Json;
using CoachBot.Testing;

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
        await using var unreachable = Npgsql.NpgsqlDataSource.Create("Host=127.0.0.1;Port=1;Username=x;Timeout=2");
        var check = new CoachBot.Bot.Health.PostgresHealthCheck(unreachable);

        var result = await check.CheckHealthAsync(new Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckContext());

        Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Unhealthy, result.Status);
        Assert.StartsWith("PostgreSQL unreachable", result.Description);
    }
}
