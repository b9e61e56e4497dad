using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CoachBot.Bot.Demo;
using CoachBot.Testing;
using CoachBot.Testing.Demo;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Bot.Tests.Demo;

public sealed class DemoModeTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task DemoModeSeedsTheLocalWorkspacesPeopleWithProfilesSchedulesAndManagers()
    {
        await using var app = DemoApp();
        _ = app.Services;

        var people = new Dictionary<string, (string Email, string Role, string Zone, string? Manager)>();
        await using (var command = database.DataSource.CreateCommand("""
            select p.platform_user_id, p.email, p.role, p.time_zone, m.platform_user_id
            from person p join workspace w on w.id = p.workspace_id left join person m on m.id = p.manager_id
            where w.external_id = 'T0DEMO' and w.manager_channel_id = 'C0MANAGERS'
            """))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                people[reader.GetString(0)] = (reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4));
            }
        }

        var roster = CoachBot.LocalWorkspace.Roster.DemoRoster.LoadEmbedded();
        Assert.Equal(roster.People.Select(p => p.UserId).Order(), people.Keys.Order());
        foreach (var person in roster.People)
        {
            Assert.Equal((person.Email, person.Role, person.TimeZone, person.Manager), people[person.UserId]);
        }

        var styles = await ScalarAsync<string>("select string_agg(distinct style, ',' order by style) from rep_profile");
        var schedules = await ScalarAsync<long>("select count(*) from rep_schedule");
        Assert.Equal("amiable,analytical,driver,expressive", styles);
        Assert.Equal(roster.People.Count(p => p.Role == "rep"), schedules);
    }

    [Fact]
    public async Task SeedingAgainKeepsChangesMadeDuringTheDemo()
    {
        await using var app = DemoApp();
        await ScalarAsync<object>("""
            update rep_profile set style = 'analytical' where person_id = (select id from person where platform_user_id = 'U0REPAVA')
            """);

        await app.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<DemoRosterSeeder>().Single().StartAsync(CancellationToken.None);

        Assert.Equal(8L, await ScalarAsync<long>("select count(*) from person p join workspace w on w.id = p.workspace_id where w.external_id = 'T0DEMO'"));
        Assert.Equal("analytical", await ScalarAsync<string>("""
            select style from rep_profile where person_id = (select id from person where platform_user_id = 'U0REPAVA')
            """));
    }

    [Fact]
    public async Task AdvancingTheClockMovesTheTimeEveryServiceReads()
    {
        var trigger = new RecordingNudgeTrigger();
        await using var app = DemoApp(trigger);
        using var http = new HttpClient { BaseAddress = app.StartOnLoopback() };
        var before = app.Services.GetRequiredService<TimeProvider>().GetUtcNow();

        var advanced = await http.PostAsync("demo/clock/advance?minutes=1440", null);
        var clock = await http.GetFromJsonAsync<JsonObject>("demo/clock");
        var invalid = await http.PostAsync("demo/clock/advance?minutes=0", null);

        Assert.Equal(HttpStatusCode.OK, advanced.StatusCode);
        Assert.Equal(1440, clock!["offsetMinutes"]!.GetValue<long>());
        Assert.True(app.Services.GetRequiredService<TimeProvider>().GetUtcNow() >= before.AddDays(1));
        Assert.True(trigger.Runs >= 1);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("minutes must be a whole number", await invalid.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task NudgeNowMakesTheRepDueAtDemoTimeAndRunsTheDispatcherTrigger()
    {
        var trigger = new RecordingNudgeTrigger();
        await using var app = DemoApp(trigger);
        using var http = new HttpClient { BaseAddress = app.StartOnLoopback() };
        await http.PostAsync("demo/clock/advance?minutes=60", null);
        var runsBefore = trigger.Runs;

        var response = await http.PostAsync("demo/nudge-now?user=U0REPKENJI", null);
        var manager = await http.PostAsync("demo/nudge-now?user=U0MGRMAYA", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var due = await ScalarAsync<DateTime>("""
            select s.next_due_at from rep_schedule s join person p on p.id = s.person_id where p.platform_user_id = 'U0REPKENJI'
            """);
        Assert.InRange(new DateTimeOffset(due, TimeSpan.Zero), DateTimeOffset.UtcNow.AddMinutes(59), DateTimeOffset.UtcNow.AddMinutes(61));
        Assert.Equal(runsBefore + 1, trigger.Runs);
        Assert.Equal(HttpStatusCode.NotFound, manager.StatusCode);
        Assert.Contains("reps: U0REPAVA, U0REPBEN", await manager.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ARestartedDemoKeepsTheClockWhereTheFastForwardLeftIt()
    {
        await using (var first = DemoApp(new RecordingNudgeTrigger()))
        {
            using var http = new HttpClient { BaseAddress = first.StartOnLoopback() };
            Assert.True((await http.PostAsync("demo/clock/advance?minutes=1500", null)).IsSuccessStatusCode);
        }

        await using var restarted = new CoachBotApplication(database).WithSetting("Demo:Enabled", "true")
            .WithServices(s => s.AddSingleton<IDemoNudgeTrigger>(new RecordingNudgeTrigger()));
        using var client = new HttpClient { BaseAddress = restarted.StartOnLoopback() };
        var clock = await client.GetFromJsonAsync<JsonObject>("demo/clock");

        Assert.Equal(1500, clock!["offsetMinutes"]!.GetValue<long>());
        Assert.True(restarted.Services.GetRequiredService<TimeProvider>().GetUtcNow() >= DateTimeOffset.UtcNow.AddMinutes(1499));
    }

    [Fact]
    public async Task NudgeNowSaysWhenASnoozeOrPauseChangesWhatHappens()
    {
        await using var app = DemoApp(new RecordingNudgeTrigger());
        using var http = new HttpClient { BaseAddress = app.StartOnLoopback() };
        await ScalarAsync<object?>("""
            update rep_schedule s set snoozed_until = '2030-01-04 09:00+00', paused = false, stopped = false from person p
            where p.id = s.person_id and p.platform_user_id = 'U0REPKENJI'
            """);
        await ScalarAsync<object?>("update rep_schedule s set paused = true from person p where p.id = s.person_id and p.platform_user_id = 'U0REPAVA'");

        var snoozed = JsonNode.Parse(await (await http.PostAsync("demo/nudge-now?user=U0REPKENJI", null)).Content.ReadAsStringAsync())!["message"]!.GetValue<string>();
        var paused = JsonNode.Parse(await (await http.PostAsync("demo/nudge-now?user=U0REPAVA", null)).Content.ReadAsStringAsync())!["message"]!.GetValue<string>();

        // Kenji works in Tokyo: 09:00 UTC is 18:00 there.
        Assert.Equal("Kenji Sato snoozed nudges until Fri 4 Jan 2030, 18:00 (Asia/Tokyo time); this demo button sends the next nudge anyway.", snoozed);
        Assert.Equal("Ava Martinez paused nudges, so no nudge is sent until they type `resume`.", paused);
    }

    [Fact]
    public async Task DemoEndpointsRefuseCallersThatAreNotOnThisMachine()
    {
        await using var app = DemoApp();
        // The in-memory test server has no remote address, like a caller that is not provably loopback.
        using var http = app.CreateClient();

        var response = await http.PostAsync("/demo/clock/advance?minutes=60", null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(TimeSpan.Zero, app.Services.GetRequiredService<DemoClock>().Offset);
    }

    [Fact]
    public async Task WithoutDemoModeThereAreNoDemoEndpointsAndTheClockIsTheSystems()
    {
        await using var app = new CoachBotApplication(database);
        using var http = new HttpClient { BaseAddress = app.StartOnLoopback() };

        var response = await http.GetAsync("demo/clock");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Same(TimeProvider.System, app.Services.GetRequiredService<TimeProvider>());
        Assert.Null(app.Services.GetService<DemoClock>());
    }

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var command = database.DataSource.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private CoachBotApplication DemoApp(RecordingNudgeTrigger? trigger = null)
    {
        // One database per class: each test starts the demo clock at zero, as a first demo run does.
        using (var reset = database.DataSource.CreateCommand("delete from demo_clock"))
        {
            reset.ExecuteNonQuery();
        }

        var app = new CoachBotApplication(database).WithSetting("Demo:Enabled", "true");
        return trigger is null ? app : app.WithServices(s => s.AddSingleton<IDemoNudgeTrigger>(trigger));
    }

    private sealed class RecordingNudgeTrigger : IDemoNudgeTrigger
    {
        public int Runs;

        public Task RunDueNowAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Runs);
            return Task.CompletedTask;
        }

        public Task<DateTimeOffset?> NextDueAsync(DateTimeOffset until, CancellationToken cancellationToken) => Task.FromResult<DateTimeOffset?>(null);
    }
}
