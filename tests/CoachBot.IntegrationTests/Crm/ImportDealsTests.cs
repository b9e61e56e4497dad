using CoachBot.Coaching.Chat;
using CoachBot.Coaching.Goals;
using CoachBot.Coaching.Managers;
using CoachBot.Coaching.People;
using CoachBot.Testing;
using CoachBot.Testing.Escalations;

namespace CoachBot.IntegrationTests.Crm;

// `crm import deals` typed by an admin, through the manager inbox, into crm_* on real PostgreSQL.
public sealed class ImportDealsTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private const string Export = """
        crm import deals
        Record ID,Deal Name,Deal Stage,Amount,Close Date,Create Date,Owner Email,Pipeline
        9001,Acme renewal,Proposal,12500.50,2026-03-31,2026-01-10,sam@acme.example,Sales
        9002,Globex,Closed won,9000,2026-02-28,2026-01-02,SAM@acme.example,Sales
        9003,Initech,Closed lost,400,2026-02-20,2026-01-05,lee@acme.example,Sales
        """;

    private static Task<InboxReply> Say(EscalationWorld world, string userId, string text) =>
        world.Get<ManagerInbox>().OnCommandAsync(new InboundCommand(world.Sender(userId), world.ManagersChannel, text), default);

    [Fact]
    public async Task AnAdminImportsAnExportAndTheRepsDealsAreMatchedByEmail()
    {
        await using var world = await EscalationWorld.CreateAsync(database);
        await world.AddPersonAsync("UADMIN", "Ada Admin", PersonRole.Admin);
        await world.AddPersonAsync("USAM", "Sam Rep", email: "sam@acme.example");

        var reply = await Say(world, "UADMIN", Export);

        Assert.Equal("Deals imported: 3 (1 open, 1 won, 1 lost) from 2 owners, 1 matched to reps by email. No rep has the email of: lee@acme.example; their deals "
            + "are kept but shown to nobody until a rep with that email joins. Sending the same file again changes nothing.", Plain(reply.Messages[0].Text));
        Assert.Equal("Acme renewal/open/12500.50|Globex/won/9000.00", await world.ScalarAsync<string>("""
            select string_agg(d.name || '/' || d.status || '/' || d.amount, '|' order by d.name) from crm_deal d
            join crm_connection c on c.id = d.connection_id and c.kind = 'csv' and c.workspace_id = @ws
            join crm_owner o on o.connection_id = d.connection_id and o.external_id = d.owner_external_id
            join person p on p.id = o.person_id where p.email = 'sam@acme.example'
            """, new { ws = world.WorkspaceId }));
        Assert.Equal(TimeSpan.FromDays(57), await world.ScalarAsync<TimeSpan>(
            "select closed_at - created_at_crm from crm_deal where external_id = '9002'"));
    }

    [Fact]
    public async Task ImportingTheSameFileAgainChangesNothing()
    {
        await using var world = await EscalationWorld.CreateAsync(database);
        await world.AddPersonAsync("UADMIN", "Ada Admin", PersonRole.Admin);
        await world.AddPersonAsync("USAM", "Sam Rep", email: "sam@acme.example");
        const string noDates = "crm import deals\nDeal Name,Owner Email,Stage,Amount,Close Date\nAcme,sam@acme.example,Proposal,100,2026-03-31\n";
        await Say(world, "UADMIN", noDates);
        var before = await DealsAsync(world);
        world.Clock.Advance(TimeSpan.FromDays(1));

        await Say(world, "UADMIN", noDates);

        Assert.Equal(before, await DealsAsync(world));
        Assert.Equal(1L, await world.ScalarAsync<long>("select count(*) from crm_connection where workspace_id = @ws", new { ws = world.WorkspaceId }));
    }

    [Fact]
    public async Task AnImportedWinCountsTowardTheRepsDealsGoalOnceAsASyncedOneWould()
    {
        await using var world = await EscalationWorld.CreateAsync(database, withRepConversation: true, withCrm: true);
        await world.AddPersonAsync("UADMIN", "Ada Admin", PersonRole.Admin);
        var sam = await world.AddPersonAsync("USAM", "Sam Rep", email: "sam@acme.example");
        await world.Get<GoalStore>().SetAsync(sam.Id, GoalMetric.Deals, GoalPeriod.Week, 3, "self", world.Clock.GetUtcNow().AddDays(-1), default);
        var today = world.Clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var export = $"crm import deals\nRecord ID,Deal Name,Deal Stage,Amount,Close Date,Create Date,Owner Email\n7001,Globex,Closed won,9000,{today},2026-01-02,sam@acme.example\n";

        await Say(world, "UADMIN", export);
        await Say(world, "UADMIN", export);

        Assert.Equal("deals=1", await world.ScalarAsync<string>(
            "select string_agg(metric || '=' || amount, ',') from goal_progress where person_id = @id and source = 'crm'", new { id = sam.Id }));
        Assert.Contains("Your deals now come straight from your CRM", Assert.Single(world.Messenger.DirectTo(sam.Key)).Text);
    }

    [Fact]
    public async Task AFileWithABadRowImportsNothingAndSaysWhichRowAndWhy()
    {
        await using var world = await EscalationWorld.CreateAsync(database);
        await world.AddPersonAsync("UADMIN", "Ada Admin", PersonRole.Admin);

        var reply = await Say(world, "UADMIN", Export + "\n9004,Hooli,Proposal,a lot,2026-03-31,2026-01-10,kim@acme.example,Sales");

        Assert.Equal("The deals file has a problem; nothing was imported.\n• Row 5: amount \"a lot\" is not a number (e.g. 12500.50).\n"
            + $"Usage: {ManagerUsage.Lines["crm"]}", Plain(reply.Messages[0].Text));
        Assert.Equal(0L, await world.ScalarAsync<long>("select count(*) from crm_deal"));
        Assert.Equal(0L, await world.ScalarAsync<long>("select count(*) from crm_connection where workspace_id = @ws", new { ws = world.WorkspaceId }));
    }

    [Fact]
    public async Task AManagerWhoIsNoAdminIsRefusedAndNothingIsWritten()
    {
        await using var world = await EscalationWorld.CreateAsync(database);
        await world.AddPersonAsync("UBOSS", "Pat Boss", PersonRole.Manager);

        var reply = await Say(world, "UBOSS", Export);

        Assert.Contains("admin", reply.Messages[0].Text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0L, await world.ScalarAsync<long>("select count(*) from crm_connection where workspace_id = @ws", new { ws = world.WorkspaceId }));
    }

    private static Task<string> DealsAsync(EscalationWorld world) => world.ScalarAsync<string>("""
        select string_agg(concat_ws('/', d.external_id, d.owner_external_id, d.name, d.amount, d.stage, d.status, d.close_date, d.close_date_moves,
                          d.created_at_crm, d.stage_changed_at, d.closed_at, d.modified_at), '|' order by d.external_id)
        from crm_deal d join crm_connection c on c.id = d.connection_id where c.workspace_id = @ws
        """, new { ws = world.WorkspaceId });

    private static string Plain(string text) => text.Replace("\uFFF9", "", StringComparison.Ordinal).Replace("\uFFFB", "", StringComparison.Ordinal);
}
