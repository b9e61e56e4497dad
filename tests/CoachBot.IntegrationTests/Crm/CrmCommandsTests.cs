using CoachBot.Coaching.People;
using CoachBot.Testing;
using CoachBot.Testing.Crm;

namespace CoachBot.IntegrationTests.Crm;

// `/coach crm …` as an admin types it, answered with what the admin reads.
public sealed class CrmCommandsTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task ConnectReadsTheOwnersFirstAndSaysHowManyMatchedByEmail()
    {
        await using var world = await CrmWorld.CreateAsync(database);
        await world.AddPersonAsync("UADMIN", "Ada Admin", "ada@example.com", PersonRole.Admin);
        await world.AddPersonAsync("USAM", "Sam Rep", "sam@example.com");
        world.HubSpot.AddOwner("SAM@example.com", "Sam", "Rep");
        world.HubSpot.AddOwner("lee@example.com", "Lee", "Other");

        var reply = await world.SayAsync("UADMIN", "crm connect hubspot");

        Assert.Equal("Connected HubSpot: 2 HubSpot users, 1 matched to people here by email. The first full sync has started; "
            + "`crm status` shows how it goes and `crm unmatched` lists who did not match.", reply);
        var id = await world.ScalarAsync<long>("select id from crm_connection where workspace_id = @ws", new { ws = world.WorkspaceId });
        Assert.Equal([$"schedule {id}", $"now {id}"], world.Schedule.Calls);
    }

    [Fact]
    public async Task ConnectWithARefusedTokenSaysWhyAndStoresNothing()
    {
        await using var world = await CrmWorld.CreateAsync(database);
        await world.AddPersonAsync("UADMIN", "Ada Admin", "ada@example.com", PersonRole.Admin);
        world.HubSpot.Token = "pat-na1-another-account";

        var reply = await world.SayAsync("UADMIN", "crm connect hubspot");

        Assert.StartsWith("I could not read HubSpot's users with these credentials: HubSpot refused the access token (401)", reply, StringComparison.Ordinal);
        Assert.EndsWith("Nothing was connected.", reply, StringComparison.Ordinal);
        Assert.Equal(0, await world.ScalarAsync<long>("select count(*) from crm_connection where workspace_id = @ws", new { ws = world.WorkspaceId }));
        Assert.Empty(world.Schedule.Calls);
    }

    [Fact]
    public async Task SalesforceWithoutItsConnectorSaysItIsNotSetUp()
    {
        await using var world = await CrmWorld.CreateAsync(database);
        await world.AddPersonAsync("UADMIN", "Ada Admin", "ada@example.com", PersonRole.Admin);

        var reply = await world.SayAsync("UADMIN", "crm connect salesforce");

        Assert.Equal("Salesforce is not set up on this CoachBot. docs/crm-setup.md says how. Nothing was connected.", reply);
    }

    [Fact]
    public async Task OnlyAdminsMayUseCrmCommandsAndWrongWordsGetTheValidOptions()
    {
        await using var world = await CrmWorld.CreateAsync(database);
        await world.AddPersonAsync("UADMIN", "Ada Admin", "ada@example.com", PersonRole.Admin);
        await world.AddPersonAsync("UBOSS", "Pat Boss", "pat@example.com", PersonRole.Manager);

        Assert.Equal("Only CoachBot admins can manage the CRM connection.", await world.SayAsync("UBOSS", "crm status"));
        Assert.StartsWith("\"pipedrive\" is not one of hubspot, salesforce. Usage: `crm connect hubspot|salesforce`, `crm import deals` followed by a deals export",
            await world.SayAsync("UADMIN", "crm connect pipedrive"), StringComparison.Ordinal);
        Assert.StartsWith("Say what to do: connect, import, status, unmatched, sync, disconnect. Usage:", await world.SayAsync("UADMIN", "crm"), StringComparison.Ordinal);
        Assert.StartsWith("\"resync\" is not a crm command. Choose connect, import, status, unmatched, sync, disconnect.", await world.SayAsync("UADMIN", "crm resync"), StringComparison.Ordinal);
        Assert.Contains("• `crm connect hubspot|salesforce`, `crm import deals` followed by a deals export (CSV, header row first), `crm status`, `crm unmatched`, `crm sync`, `crm disconnect hubspot|salesforce|csv`",
            await world.SayAsync("UADMIN", "help"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StatusAndUnmatchedDescribeWhatTheSyncHolds()
    {
        await using var world = await CrmWorld.CreateAsync(database);
        await world.AddPersonAsync("UADMIN", "Ada Admin", "ada@example.com", PersonRole.Admin);
        await world.AddPersonAsync("USAM", "Sam Rep", "sam@example.com");
        await world.AddPersonAsync("UKIM", "Kim Rep", "kim@example.com");
        var sam = world.HubSpot.AddOwner("sam@example.com", "Sam", "Rep");
        world.HubSpot.AddOwner("lee@example.com", "Lee", "Nobody");
        var won = world.HubSpot.AddDeal(sam, "Acme", 100m, "closedwon");
        world.HubSpot.AddDeal(sam, "Globex", 200m);
        world.HubSpot.AddDeal(sam, "Initech", 300m);
        world.HubSpot.AddActivity("calls", sam, won, DateTimeOffset.UtcNow);
        await world.SayAsync("UADMIN", "crm connect hubspot");
        var id = await world.ScalarAsync<long>("select id from crm_connection where workspace_id = @ws", new { ws = world.WorkspaceId });
        Assert.Contains("HubSpot (active): not synced yet, first full load in progress;", await world.SayAsync("UADMIN", "crm status"), StringComparison.Ordinal);
        await world.SyncAsync(id);

        var status = await world.SayAsync("UADMIN", "crm status");
        var unmatched = await world.SayAsync("UADMIN", "crm unmatched");

        Assert.Matches(@"^CRM connections:\n• HubSpot \(active\): last sync \d{4}-\d\d-\d\d \d\d:\d\d UTC; 3 deals \(2 open\), 1 activity; 1 CRM user matched to people, 1 not \(`crm unmatched`\)\.$", status);
        Assert.Equal("Reps with no CRM user of the same email (1):\n• Kim Rep (kim@example.com)\n"
            + "CRM users matched to nobody here (1):\n• Lee Nobody (lee@example.com) in HubSpot: nobody here has that email\n"
            + "Matching is by email only: make the email the same in both places and the next sync matches them.", unmatched);
    }

    [Fact]
    public async Task SyncRunsNowAndDisconnectRemovesTheConnectionWithItsData()
    {
        await using var world = await CrmWorld.CreateAsync(database);
        await world.AddPersonAsync("UADMIN", "Ada Admin", "ada@example.com", PersonRole.Admin);
        var sam = world.HubSpot.AddOwner("sam@example.com", "Sam", "Rep");
        world.HubSpot.AddDeal(sam, "Acme", 100m);
        await world.SayAsync("UADMIN", "crm connect hubspot");
        var id = await world.ScalarAsync<long>("select id from crm_connection where workspace_id = @ws", new { ws = world.WorkspaceId });
        await world.SyncAsync(id);

        var sync = await world.SayAsync("UADMIN", "crm sync");
        var disconnect = await world.SayAsync("UADMIN", "crm disconnect hubspot");
        var again = await world.SayAsync("UADMIN", "crm disconnect hubspot");

        Assert.Equal("HubSpot: syncing now; `crm status` shows when it is done.", sync);
        Assert.Equal("Disconnected HubSpot: CoachBot deleted every owner, deal and activity it had read from it. Nothing was changed in HubSpot.", disconnect);
        Assert.StartsWith("There is no HubSpot connection to remove (connected: none).", again, StringComparison.Ordinal);
        Assert.Equal(0, await world.ScalarAsync<long>("select (select count(*) from crm_deal where connection_id = @id) + (select count(*) from crm_owner where connection_id = @id) + (select count(*) from crm_sync_state where connection_id = @id)", new { id }));
        Assert.Equal($"unschedule {id}", world.Schedule.Calls[^1]);
        Assert.Equal(2, world.Schedule.Calls.Count(c => c == $"now {id}"));
    }
}
