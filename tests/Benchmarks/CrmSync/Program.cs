using System.Diagnostics;
using System.Globalization;
using CoachBot.Coaching.People;
using CoachBot.Testing;
using CoachBot.Testing.Crm;

// One process, one 2-core box: seed the loopback HubSpot, then time one full sync through the product's job.
var deals = Arg("deals", 100_000);
var reps = Arg("reps", 1_000);
var limit = Arg("limit", 190);
var activities = Arg("activities", 10_000);

var database = new PostgresDatabase();
await database.InitializeAsync();
try
{
    await using var world = await CrmWorld.CreateAsync(database, new Dictionary<string, string?> { ["Crm:HubSpot:RequestsPerInterval"] = limit.ToString(CultureInfo.InvariantCulture) });
    world.HubSpot.Limit = limit;
    world.HubSpot.Window = TimeSpan.FromSeconds(10);
    var admin = await world.AddPersonAsync("UADMIN", "Ada Admin", "admin@example.com", PersonRole.Admin);
    var owners = new List<string>();
    for (var i = 0; i < reps; i++)
    {
        await world.AddPersonAsync($"UREP{i}", $"Rep {i}", $"rep{i}@example.com");
        owners.Add(world.HubSpot.AddOwner($"rep{i}@example.com", "Rep", $"{i}"));
    }

    var stages = new[] { "appointmentscheduled", "qualifiedtobuy", "presentationscheduled", "contractsent", "closedwon", "closedlost" };
    var hourAgo = DateTimeOffset.UtcNow.AddHours(-1);
    var dealIds = new List<string>(deals);
    for (var i = 0; i < deals; i++)
    {
        dealIds.Add(world.HubSpot.AddDeal(owners[i % reps], $"Deal {i}", 1000m + i, stages[i % stages.Length], new DateOnly(2027, 1, 1).AddDays(i % 90), hourAgo));
    }

    for (var i = 0; i < activities; i++)
    {
        world.HubSpot.AddActivity(FakeHubSpot.ActivityTypes[i % 5], owners[i % reps], dealIds[i % deals], hourAgo, hourAgo);
    }

    var id = await world.ConnectAsync(admin);
    using var process = Process.GetCurrentProcess();
    process.Refresh();
    var seededRss = process.WorkingSet64;
    var watch = Stopwatch.StartNew();
    await world.SyncAsync(id);
    watch.Stop();
    process.Refresh();

    var held = await world.ScalarAsync<long>("select count(*) from crm_deal where connection_id = @id", new { id });
    var perRep = await world.ScalarAsync<long>("""
        select count(distinct o.person_id) from crm_deal d join crm_owner o on o.connection_id = d.connection_id and o.external_id = d.owner_external_id
        where d.connection_id = @id and o.person_id is not null
        """, new { id });
    var calls = world.HubSpot.Calls;
    var allowedCalls = Math.Ceiling(watch.Elapsed.TotalSeconds / 10) * limit;
    Console.WriteLine($"machine: {Environment.ProcessorCount} cores, load {File.ReadAllText("/proc/loadavg").Trim()}");
    Console.WriteLine($"HubSpot fake limit: {limit} requests / 10 s (private app on Professional/Enterprise)");
    Console.WriteLine($"seeded: {deals:N0} deals, {activities:N0} activities, {reps:N0} reps/owners");
    Console.WriteLine($"full sync: {watch.Elapsed.TotalSeconds:F1} s; deals held {held:N0}; reps with deals {perRep:N0}; activities held {await world.ScalarAsync<long>("select count(*) from crm_activity where connection_id = @id", new { id }):N0}");
    Console.WriteLine($"API calls: {calls.Count:N0} ({calls.Count(c => c.Status == 429)} answered 429); busiest 10 s window {world.HubSpot.BusiestWindow} of {limit}; at most {allowedCalls:N0} allowed in {watch.Elapsed.TotalSeconds:F0} s");
    Console.WriteLine($"memory: peak RSS {process.PeakWorkingSet64 / 1024 / 1024:N0} MB (after seeding the fake in-process: {seededRss / 1024 / 1024:N0} MB)");
    Console.WriteLine($"errors logged: {world.Errors.Logs.Errors.Count}");
}
finally
{
    await database.DisposeAsync();
}

int Arg(string name, int fallback) =>
    args.Select(a => a.Split('=', 2)).FirstOrDefault(p => p[0] == name) is [_, var v] ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
