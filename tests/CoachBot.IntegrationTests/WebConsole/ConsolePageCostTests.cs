using CoachBot.Bot.WebConsole;
using CoachBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CoachBot.IntegrationTests.WebConsole;

/// <summary>What a page costs PostgreSQL, counted on the wire: a few set-based round trips, however many reps there are.</summary>
public sealed class ConsolePageCostTests(ConsoleWorld world) : IClassFixture<ConsoleWorld>
{
    [Theory]
    [InlineData("Ada Admin")]
    [InlineData("Mia Manager")]
    [InlineData("Cal Chain")]
    public async Task EveryPageTakesAFixedFewRoundTripsForEightReps(string viewer)
    {
        await using var wire = PgRoundTripCounter.To(world.ConnectionString);
        await using var dataSource = NpgsqlDataSource.Create(wire.Through(world.ConnectionString));
        await using var services = world.PagesOver(dataSource);

        foreach (var page in services.GetServices<IConsolePage>().Where(p => p.IsVisibleTo(world.Viewer(viewer))))
        {
            var mark = wire.Mark();
            await page.RenderAsync(world.Viewer(viewer), new Dictionary<string, string>(), default);
            // Npgsql's own traffic (type loading on a new pool, DISCARD ALL on returning a connection) is not the page's.
            var trips = wire.Since(mark).Where(t => !t.Sql.All(q => q is "DISCARD ALL" || q.StartsWith("SELECT version()", StringComparison.Ordinal))).ToList();

            // Team adds the goal standings with their records: four statements (schedules, holds, goals, totals) for the whole team.
            var limit = page.Slug == "team" ? 6 : 3;
            Assert.True(trips.Count <= limit, $"{page.Slug} for {viewer}: {trips.Count} round trips\n{string.Join("\n", trips)}");
        }
    }
}
