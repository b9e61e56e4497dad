using System.Globalization;
using System.Text.Json.Nodes;
using CoachBot.Coaching.Escalations;
using CoachBot.Coaching.Nudges;
using CoachBot.Coaching.Nudges.Library;
using CoachBot.Coaching.Nudges.Rendering;
using CoachBot.Coaching.Profiles;
using CoachBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.IntegrationTests.Demo;

// Issue 12.14: "Fast-forward 1 day" in the local workspace must deliver the day's nudges, each at its own time.
public sealed class DemoFastForwardTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private const string Rep = "U0REPAVA";
    private static readonly TimeZoneInfo Chicago = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");

    [Fact]
    public async Task FastForwardingADayDeliversEachOfTheRepsNudgesAtItsOwnTimeAndExpiresNone()
    {
        // Follow-ups pushed out of the day, so the DM holds exactly the day's nudges.
        await using var cluster = await DemoCluster.StartAsync(database, app => app.WithSetting("Jobs:FollowUpAfter", "7.00:00:00"));
        using var http = new HttpClient { BaseAddress = cluster.Workspace.BaseUrl, Timeout = TimeSpan.FromMinutes(4) };
        // Ava sets three send times, 2, 6 and 10 hours from now in her own zone, every day, as a rep can in her schedule.
        var demoNow = await DemoNowAsync(http);
        var slots = new[] { 2, 6, 10 }.Select(h => SlotIn(demoNow, TimeSpan.FromHours(h))).ToArray();
        await ExecuteAsync($"""
            update rep_schedule s set working_days = array[1,2,3,4,5,6,7]::smallint[], cadence = 'daily', holiday_country = null,
                quiet_start = null, quiet_end = null, vacation_from = null, vacation_until = null, snoozed_until = null, paused = false,
                send_times = array[{string.Join(", ", slots.Select(s => $"'{TimeZoneInfo.ConvertTime(s, Chicago):HH:mm}'::time"))}], next_due_at = null
            from person p where p.id = s.person_id and p.platform_user_id = '{Rep}'
            """);

        // The button in the clock panel.
        var advanced = await http.PostAsync("ui/clock/advance?minutes=1440", null);

        Assert.True(advanced.IsSuccessStatusCode, await advanced.Content.ReadAsStringAsync());
        var history = await cluster.Workspace.CallAsync("conversations.history", new() { ["channel"] = "D0REPAVA", ["include_all_metadata"] = true });
        var nudges = history["messages"]!.AsArray().Select(m => m!.AsObject())
            .Where(m => m["bot_id"] is not null && m.ToJsonString().Contains(NudgeActions.NeedHelp, StringComparison.Ordinal))
            .OrderBy(m => Ts(m))
            .ToList();
        Assert.Equal(3, nudges.Count);
        var library = cluster.CoachBot.Services.GetRequiredService<NudgeLibrary>();
        for (var i = 0; i < slots.Length; i++)
        {
            // Each arrived when its slot came round, not all at once at the end of the day.
            Assert.InRange(Ts(nudges[i]), slots[i].AddSeconds(-5), slots[i].AddSeconds(90));
            var intent = library.Find(await IntentOfAsync(nudges[i]["ts"]!.GetValue<string>()))!;
            var weekday = TimeZoneInfo.ConvertTime(slots[i], Chicago).DayOfWeek;
            var words = NudgeRenderer.Render(intent, CommunicationStyle.Driver, new NudgeValues("Ava", null, weekday)).Text;
            Assert.Equal(words, nudges[i]["text"]!.GetValue<string>());
            Assert.Contains("Need help", nudges[i].ToJsonString(), StringComparison.Ordinal);
        }

        Assert.Equal(3L, await ScalarAsync<long>($"""
            select count(*) from nudge_delivery d join person p on p.id = d.person_id
            where p.platform_user_id = '{Rep}' and d.kind = 'nudge' and d.status = 'sent'
            """));
        // Nobody's nudge expired on the way, the other reps' included.
        Assert.Equal(0L, await ScalarAsync<long>("select count(*) from nudge_delivery where status = 'expired'"));
    }

    [Fact]
    public async Task FastForwardingPastAnEscalationsDeadlinesRemindsTheOwnerAndReachesTheSkipLevelStage()
    {
        await using var cluster = await DemoCluster.StartAsync(database);
        using var http = new HttpClient { BaseAddress = cluster.Workspace.BaseUrl, Timeout = TimeSpan.FromMinutes(4) };
        var ava = await ScalarAsync<long>($"select id from person where platform_user_id = '{Rep}'");
        var reference = await cluster.CoachBot.Services.GetRequiredService<IEscalations>().RaiseAsync(
            new EscalationRequest(ava, EscalationReason.NeedHelp, "Acme wants 30% off.", $"delivery:{Guid.NewGuid()}:need_help"), CancellationToken.None);

        // Two 4-hour working-time deadlines in Maya's New York hours: three days always passes both, weekends included.
        var advanced = await http.PostAsync("ui/clock/advance?minutes=4320", null);

        Assert.True(advanced.IsSuccessStatusCode, await advanced.Content.ReadAsStringAsync());
        var mayasDm = await cluster.Workspace.CallAsync("conversations.history", new() { ["channel"] = "D0MGRMAYA" });
        var reminder = Assert.Single(mayasDm["messages"]!.AsArray(), m => m!["text"]!.GetValue<string>().StartsWith("Reminder:", StringComparison.Ordinal));
        var text = reminder!["text"]!.GetValue<string>();
        // The age in brackets depends on where in Maya's working day the demo started.
        Assert.StartsWith($"Reminder: escalation {reference} from Ava Martinez is waiting for you (", text);
        Assert.EndsWith($" old). Acknowledge it in the managers' channel or with `/coach ack {reference}`.", text);
        Assert.Equal(1L, await ScalarAsync<long>("select count(*) from escalation where reminded_at is not null and skip_level_at is not null"));
        // Taken out of Hangfire's schedule when they ran, so the real clock cannot fire them a second time.
        Assert.Equal(0L, await ScalarAsync<long>("select count(*) from hangfire.job where statename = 'Scheduled' and invocationdata::text like '%EscalationDeadlineJob%'"));
    }

    // The next whole minute after now + by: a slot a rep could type.
    private static DateTimeOffset SlotIn(DateTimeOffset now, TimeSpan by)
    {
        var at = now + by;
        return new DateTimeOffset(at.Year, at.Month, at.Day, at.Hour, at.Minute, 0, TimeSpan.Zero).AddMinutes(1);
    }

    private static async Task<DateTimeOffset> DemoNowAsync(HttpClient http)
    {
        var clock = JsonNode.Parse(await http.GetStringAsync("ui/clock"))!;
        return clock["now"]!.GetValue<DateTimeOffset>();
    }

    private static DateTimeOffset Ts(JsonObject message) =>
        DateTimeOffset.FromUnixTimeMilliseconds((long)(decimal.Parse(message["ts"]!.GetValue<string>(), CultureInfo.InvariantCulture) * 1000));

    private async Task<string> IntentOfAsync(string ts)
    {
        await using var command = database.DataSource.CreateCommand("""
            select h.intent_id from nudge_delivery d join nudge_history h on h.delivery_id = d.id where d.provider_message_id = $1
            """);
        command.Parameters.AddWithValue(ts);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var command = database.DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var command = database.DataSource.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
