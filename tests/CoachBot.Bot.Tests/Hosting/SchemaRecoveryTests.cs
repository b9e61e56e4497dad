using System.Net;
using System.Text.Json;
using CoachBot.Coaching.Data;
using CoachBot.Testing;
using CoachBot.Testing.Logging;
using Npgsql;

namespace CoachBot.Bot.Tests.Hosting;

// Issue 13: an empty database is not "ready", and a database recreated under a running bot is brought back without a restart.
public sealed class SchemaRecoveryTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task ADatabaseRecreatedEmptyIsReportedNotReadyAndMigratedBackWithoutARestart()
    {
        var name = $"cb_test_{Guid.NewGuid():N}";
        var connectionString = new NpgsqlConnectionStringBuilder(PostgresDatabase.Server) { Database = name }.ConnectionString;
        await AdminAsync($"create database {name}");
        try
        {
            await using var app = new CoachBotApplication(database).WithSetting("ConnectionStrings:CoachBot", connectionString)
                .ExpectErrors("readiness is probed while the database is recreated empty", HealthChecksDuringOutage.Match);
            using var client = app.CreateClient();
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz")).StatusCode);

            await AdminAsync($"drop database {name} with (force)");
            await AdminAsync($"create database {name}");

            var seen = new List<string>();
            var until = DateTime.UtcNow + TimeSpan.FromSeconds(90);
            HttpResponseMessage ready;
            while ((ready = await client.GetAsync("/readyz")).StatusCode != HttpStatusCode.OK && DateTime.UtcNow < until)
            {
                seen.Add(Detail(await ready.Content.ReadAsStringAsync(), "schema"));
                await Task.Delay(200);
            }

            var body = await ready.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            Assert.Contains(seen, d => d.Contains("migration(s) not applied", StringComparison.Ordinal));
            Assert.Equal($"up to date ({DatabaseMigrator.Latest})", Detail(body, "schema"));
            await using var check = NpgsqlDataSource.Create(connectionString);
            Assert.Empty(await DatabaseMigrator.PendingAsync(check, CancellationToken.None));
            await using var recurring = check.CreateCommand("select count(*) from hangfire.set where key = 'recurring-jobs' and value = 'dispatch-nudges'");
            Assert.Equal(1L, await recurring.ExecuteScalarAsync());
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await AdminAsync($"drop database if exists {name} with (force)");
        }
    }

    private static string Detail(string json, string check)
    {
        using var body = JsonDocument.Parse(json);
        return body.RootElement.GetProperty("checks").TryGetProperty(check, out var entry) ? entry.GetProperty("detail").GetString() ?? "" : "(no check)";
    }

    private static async Task AdminAsync(string sql)
    {
        await using var admin = new NpgsqlConnection(PostgresDatabase.Server);
        await admin.OpenAsync();
        await using var command = new NpgsqlCommand(sql, admin);
        await command.ExecuteNonQueryAsync();
    }
}
