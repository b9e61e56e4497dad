using CoachBot.Coaching.Crm;
using CoachBot.Coaching.People;
using CoachBot.Testing;
using CoachBot.Testing.Crm;

namespace CoachBot.IntegrationTests.Crm;

// The seam's store on real PostgreSQL: email matching, deal upserts and the cursor that travels with each page.
public sealed class CrmStoreTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task AnOwnerMatchesTheOnePersonWithItsEmailWhateverTheCase()
    {
        await using var world = await CrmWorld.CreateAsync(database);
        var admin = await world.AddPersonAsync("UADMIN", "Ada Admin", "ada@example.com", PersonRole.Admin);
        var sam = await world.AddPersonAsync("USAM", "Sam Rep", "Sam.Rep@Example.com");
        var connection = await ConnectionAsync(world, admin);

        var matched = await world.Get<CrmStore>().SaveOwnersAsync(connection,
            [new CrmOwner("1", "sam.rep@EXAMPLE.com", "Sam"), new CrmOwner("2", "nobody@example.com", "No One"), new CrmOwner("3", null, "No Email")], default);

        Assert.Equal(1, matched);
        Assert.Equal(sam.Id, await world.ScalarAsync<long?>("select person_id from crm_owner where connection_id = @id and external_id = '1'", new { id = connection.Id }));
        Assert.Equal(0, await world.ScalarAsync<long>("select count(*) from crm_owner where connection_id = @id and external_id <> '1' and person_id is not null", new { id = connection.Id }));
        Assert.Equal("sam.rep@example.com", await world.ScalarAsync<string>("select email from crm_owner where connection_id = @id and external_id = '1'", new { id = connection.Id }));
    }

    [Fact]
    public async Task AnEmailTwoPeopleShareMatchesNobody()
    {
        await using var world = await CrmWorld.CreateAsync(database);
        var admin = await world.AddPersonAsync("UADMIN", "Ada Admin", "ada@example.com", PersonRole.Admin);
        await world.AddPersonAsync("UONE", "Sales Team One", "sales@example.com");
        await world.AddPersonAsync("UTWO", "Sales Team Two", "SALES@example.com");
        var connection = await ConnectionAsync(world, admin);

        var matched = await world.Get<CrmStore>().SaveOwnersAsync(connection, [new CrmOwner("1", "sales@example.com", "Sales")], default);

        Assert.Equal(0, matched);
        Assert.Null(await world.ScalarAsync<long?>("select person_id from crm_owner where connection_id = @id", new { id = connection.Id }));
    }

    [Fact]
    public async Task AnExcludedOwnerIsNeverMatchedAgainAndItsDealsAreNotKept()
    {
        await using var world = await CrmWorld.CreateAsync(database);
        var admin = await world.AddPersonAsync("UADMIN", "Ada Admin", "ada@example.com", PersonRole.Admin);
        await world.AddPersonAsync("USAM", "Sam Rep", "sam@example.com");
        var connection = await ConnectionAsync(world, admin);
        var store = world.Get<CrmStore>();
        await store.SaveOwnersAsync(connection, [new CrmOwner("1", "sam@example.com", "Sam")], default);
        // What `delete my data` leaves behind.
        await world.ExecuteAsync("update crm_owner set excluded = true, person_id = null where connection_id = @id", new { id = connection.Id });

        var matched = await store.SaveOwnersAsync(connection, [new CrmOwner("1", "sam@example.com", "Sam")], default);
        await store.SaveDealsAsync(connection.Id, [Deal("d1", "1", Monday)], new CrmCursor(null, "l:2"), default);

        Assert.Equal(0, matched);
        Assert.Null(await world.ScalarAsync<long?>("select person_id from crm_owner where connection_id = @id", new { id = connection.Id }));
        Assert.Equal(0, await world.ScalarAsync<long>("select count(*) from crm_deal where connection_id = @id", new { id = connection.Id }));
    }

    [Fact]
    public async Task AnOwnerWhoseEmailChangedLosesTheMatch()
    {
        await using var world = await CrmWorld.CreateAsync(database);
        var admin = await world.AddPersonAsync("UADMIN", "Ada Admin", "ada@example.com", PersonRole.Admin);
        await world.AddPersonAsync("USAM", "Sam Rep", "sam@example.com");
        var connection = await ConnectionAsync(world, admin);
        var store = world.Get<CrmStore>();
        await store.SaveOwnersAsync(connection, [new CrmOwner("1", "sam@example.com", "Sam")], default);

        var matched = await store.SaveOwnersAsync(connection, [new CrmOwner("1", "sam.new@example.com", "Sam")], default);

        Assert.Equal(0, matched);
    }

    [Fact]
    public async Task AnOlderCopyOfADealNeverOverwritesANewerOne()
    {
        await using var world = await CrmWorld.CreateAsync(database);
        var admin = await world.AddPersonAsync("UADMIN", "Ada Admin", "ada@example.com", PersonRole.Admin);
        var connection = await ConnectionAsync(world, admin);
        var store = world.Get<CrmStore>();

        await store.SaveDealsAsync(connection.Id, [Deal("d1", "1", Monday.AddHours(2)) with { Stage = "Contract Sent", Amount = 900m }], new CrmCursor(null, "l:2"), default);
        await store.SaveDealsAsync(connection.Id, [Deal("d1", "1", Monday) with { Stage = "Qualified", Amount = 100m }], new CrmCursor(null, "l:3"), default);

        Assert.Equal("Contract Sent/900.00", await world.ScalarAsync<string>("select stage || '/' || amount from crm_deal where external_id = 'd1' and connection_id = @id", new { id = connection.Id }));
        Assert.Equal("l:3", (await store.CursorAsync(connection.Id, "deals", default)).Page);
    }

    [Fact]
    public async Task EveryChangeOfAnOpenDealsCloseDateCountsAsAMoveAndARepeatDoesNot()
    {
        await using var world = await CrmWorld.CreateAsync(database);
        var admin = await world.AddPersonAsync("UADMIN", "Ada Admin", "ada@example.com", PersonRole.Admin);
        var connection = await ConnectionAsync(world, admin);
        var store = world.Get<CrmStore>();
        var cursor = new CrmCursor(null, null);

        await store.SaveDealsAsync(connection.Id, [Deal("d1", "1", Monday) with { CloseDate = new DateOnly(2026, 12, 1) }], cursor, default);
        await store.SaveDealsAsync(connection.Id, [Deal("d1", "1", Monday.AddDays(1)) with { CloseDate = new DateOnly(2026, 12, 15) }], cursor, default);
        await store.SaveDealsAsync(connection.Id, [Deal("d1", "1", Monday.AddDays(1)) with { CloseDate = new DateOnly(2026, 12, 15) }], cursor, default);
        await store.SaveDealsAsync(connection.Id, [Deal("d1", "1", Monday.AddDays(2)) with { CloseDate = new DateOnly(2027, 1, 10) }], cursor, default);

        Assert.Equal(2, await world.ScalarAsync<int>("select close_date_moves from crm_deal where external_id = 'd1' and connection_id = @id", new { id = connection.Id }));
        Assert.Equal(new DateTime(2027, 1, 10), await world.ScalarAsync<DateTime>("select close_date from crm_deal where external_id = 'd1' and connection_id = @id", new { id = connection.Id }));
    }

    [Fact]
    public async Task AStageChangeTheCrmDoesNotDateIsDatedWhenTheSyncSawIt()
    {
        await using var world = await CrmWorld.CreateAsync(database);
        var admin = await world.AddPersonAsync("UADMIN", "Ada Admin", "ada@example.com", PersonRole.Admin);
        var connection = await ConnectionAsync(world, admin);
        var store = world.Get<CrmStore>();
        var cursor = new CrmCursor(null, null);
        var dated = Monday.AddDays(-3);

        await store.SaveDealsAsync(connection.Id, [Deal("d1", "1", Monday) with { StageChangedAt = null }, Deal("d2", "1", Monday) with { StageChangedAt = dated }], cursor, default);
        var before = DateTimeOffset.UtcNow.AddSeconds(-5);
        await store.SaveDealsAsync(connection.Id, [Deal("d1", "1", Monday.AddHours(1)) with { Stage = "Contract Sent", StageChangedAt = null }], cursor, default);
        var seen = await world.ScalarAsync<DateTime>("select stage_changed_at from crm_deal where external_id = 'd1' and connection_id = @id", new { id = connection.Id });
        await store.SaveDealsAsync(connection.Id, [Deal("d1", "1", Monday.AddHours(2)) with { Stage = "Contract Sent", StageChangedAt = null, Amount = 5m }], cursor, default);

        Assert.InRange(new DateTimeOffset(seen, TimeSpan.Zero), before, DateTimeOffset.UtcNow.AddSeconds(5));
        Assert.Equal(seen, await world.ScalarAsync<DateTime>("select stage_changed_at from crm_deal where external_id = 'd1' and connection_id = @id", new { id = connection.Id }));
        Assert.Equal(dated.UtcDateTime, await world.ScalarAsync<DateTime>("select stage_changed_at from crm_deal where external_id = 'd2' and connection_id = @id", new { id = connection.Id }));
    }

    [Fact]
    public async Task APageThatFailsLeavesNeitherItsDealsNorItsCursorBehind()
    {
        await using var world = await CrmWorld.CreateAsync(database);
        var admin = await world.AddPersonAsync("UADMIN", "Ada Admin", "ada@example.com", PersonRole.Admin);
        var connection = await ConnectionAsync(world, admin);
        var store = world.Get<CrmStore>();
        await store.SaveDealsAsync(connection.Id, [Deal("d1", "1", Monday)], new CrmCursor(null, "l:100"), default);

        // A deal with no name breaks the page's insert (crm_deal.name is not null): the whole page and its cursor roll back.
        await Assert.ThrowsAnyAsync<Npgsql.PostgresException>(() =>
            store.SaveDealsAsync(connection.Id, [Deal("d2", "1", Monday), Deal("d3", "1", Monday) with { Name = null! }], new CrmCursor(null, "l:200"), default));

        Assert.Equal(new CrmCursor(null, "l:100"), await store.CursorAsync(connection.Id, "deals", default));
        Assert.Equal(1, await world.ScalarAsync<long>("select count(*) from crm_deal where connection_id = @id", new { id = connection.Id }));
    }

    [Fact]
    public async Task ActivitiesAreUpsertedAndTheirCursorMovesWithThem()
    {
        await using var world = await CrmWorld.CreateAsync(database);
        var admin = await world.AddPersonAsync("UADMIN", "Ada Admin", "ada@example.com", PersonRole.Admin);
        var connection = await ConnectionAsync(world, admin);
        var store = world.Get<CrmStore>();
        var done = new CrmCursor(Monday, null);

        await store.SaveActivitiesAsync(connection.Id, [new CrmActivity("a1", CrmActivityKind.Call, "1", "d1", Monday, Monday)], new CrmCursor(null, "1/"), default);
        await store.SaveActivitiesAsync(connection.Id, [new CrmActivity("a1", CrmActivityKind.Call, "1", "d1", Monday, Monday), new CrmActivity("a2", CrmActivityKind.Meeting, "1", null, Monday, Monday)], done, default);

        Assert.Equal("call,meeting", await world.ScalarAsync<string>("select string_agg(kind, ',' order by kind) from crm_activity where connection_id = @id", new { id = connection.Id }));
        Assert.Equal(done, await store.CursorAsync(connection.Id, "activities", default));
    }

    private static async Task<CrmConnection> ConnectionAsync(CrmWorld world, Person admin) =>
        new(await world.ConnectAsync(admin), world.WorkspaceId, CrmKind.HubSpot, null, null);

    private static CrmDeal Deal(string id, string owner, DateTimeOffset modified) =>
        new(id, $"Deal {id}", owner, 1000m, "EUR", "Qualified", CrmDealStatus.Open, new DateOnly(2026, 12, 31), modified.AddDays(-10), null, null, null, modified);
}
