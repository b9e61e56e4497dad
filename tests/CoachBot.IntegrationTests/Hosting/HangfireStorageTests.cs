using CoachBot.Bot.Hosting;
using CoachBot.Jobs.Hosting;
using CoachBot.Testing;
using Hangfire;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.IntegrationTests.Hosting;

// Hangfire's registration reads the process-wide JobStorage.Current; two apps in one process must still keep their own,
// whatever order they configure and resolve in.
public sealed class HangfireStorageTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task EachAppKeepsItsOwnStorageAndActivatorWhenAnotherConfiguresHangfireInBetween()
    {
        var other = new PostgresDatabase();
        await other.InitializeAsync();
        try
        {
            await using var first = Build(database);
            await using var second = Build(other);

            // First configures Hangfire, then second does (and so owns JobStorage.Current), then first asks for its storage.
            first.Services.GetRequiredService<IGlobalConfiguration>();
            second.Services.GetRequiredService<IGlobalConfiguration>();
            var firstStorage = first.Services.GetRequiredService<JobStorage>();
            var secondStorage = second.Services.GetRequiredService<JobStorage>();

            Assert.NotSame(firstStorage, secondStorage);
            Assert.NotSame(first.Services.GetRequiredService<JobActivator>(), second.Services.GetRequiredService<JobActivator>());
            first.Services.GetRequiredService<IBackgroundJobClient>().Enqueue(() => Console.WriteLine("first"));
            Assert.Equal(1, await JobCountAsync(database));
            Assert.Equal(0, await JobCountAsync(other));
        }
        finally
        {
            await other.DisposeAsync();
        }
    }

    private static WebApplication Build(PostgresDatabase db)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration["ConnectionStrings:CoachBot"] = db.ConnectionString;
        builder.Configuration["Jobs:RunServer"] = "false";
        builder.AddCoachBotStorage();
        builder.AddCoachBotJobs();
        return builder.Build();
    }

    private static async Task<long> JobCountAsync(PostgresDatabase db)
    {
        await using var command = db.DataSource.CreateCommand("select count(*) from hangfire.job");
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
