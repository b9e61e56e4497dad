using System.Text.Json;
using CoachBot.Coaching.Chat;
using CoachBot.Coaching.People;
using CoachBot.Coaching.Privacy;
using CoachBot.Testing;
using CoachBot.Testing.Conversation;

namespace CoachBot.IntegrationTests.Conversation;

public sealed class PrivacyTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private RepConversation NewRep(string name = "Sam Rivera") => new(database.DataSource, $"U{Guid.NewGuid():N}", name);

    private Task<int> CountAsync(string table, long id) =>
        database.DataSource.ScalarAsync<int>($"select count(*)::int from {table} where person_id = @id", new { id });

    [Fact]
    public async Task MyDataListsWhatIsStoredAndWhichManagersSawSharedWords()
    {
        await using var rep = NewRep();
        await using var manager = NewRep("Morgan Lee");
        var id = await database.DataSource.OnboardedAsync(rep);
        var managerId = await database.DataSource.OnboardedAsync(manager);
        await rep.SayAsync("first private thought");
        await rep.SayAsync("second private thought");
        // The rows the escalation workflow writes when a card with the rep's words is posted and a manager resolves it.
        await database.DataSource.ExecuteAsync("""
            update person set role = 'manager' where id = @managerId;
            insert into audit_entry (actor_id, action, subject_id, detail) values
                (null, @posted, @id, @postedDetail), (@managerId, @seen, @id, 'E-7 resolve');
            """, new { managerId, id, posted = AuditActions.SharedWordsPosted, postedDetail = "E-7 posted to the managers' channel", seen = AuditActions.SharedWordsSeen });

        var text = MessageText.Of(await rep.SayAsync("My Data"));

        Assert.Contains("Your replies (private): 2", text);
        Assert.Contains("your words in E-7 were posted to the managers' channel, which every manager in CoachBot can read: Morgan Lee.", text);
        Assert.Contains("Morgan Lee resolved E-7, whose card shows your words.", text);
        Assert.DoesNotContain("private thought", text);
    }

    [Fact]
    public async Task ExportContainsTheRepsOwnWordsAsJsonAndIsAudited()
    {
        await using var rep = NewRep();
        var id = await database.DataSource.OnboardedAsync(rep, style: "expressive");
        await rep.SayAsync("Closed the Acme renewal <3 & more");

        var export = await rep.SayAsync("export my data");

        var json = string.Concat(export.Messages.SelectMany(m => m.Blocks.OfType<QuoteBlock>()).Select(q => q.Text));
        using var document = JsonDocument.Parse(json);
        Assert.Equal("Closed the Acme renewal <3 & more", document.RootElement.GetProperty("replies")[0].GetProperty("text").GetString());
        Assert.Equal("expressive", document.RootElement.GetProperty("profile").GetProperty("style").GetString());
        Assert.Equal(1, await database.DataSource.ScalarAsync<int>(
            "select count(*)::int from audit_entry where subject_id = @id and action = @action", new { id, action = PrivacyAuditActions.DataExported }));
    }

    [Fact]
    public async Task DeleteMyDataAsksFirstAndCancelKeepsEverything()
    {
        await using var rep = NewRep();
        var id = await database.DataSource.OnboardedAsync(rep);
        await rep.SayAsync("something private");

        var ask = await rep.SayAsync("delete my data");
        await rep.PressAsync(ask.Messages.Single(), PrivacyConversation.CancelDelete);

        Assert.Contains("can't be undone", MessageText.Of(ask));
        Assert.Equal(1, await CountAsync("rep_reply", id));
        Assert.Equal(1, await CountAsync("rep_profile", id));
    }

    [Fact]
    public async Task ConfirmedDeletionErasesRepliesResponsesAndProfileButKeepsAnAuditLine()
    {
        await using var rep = NewRep();
        var id = await database.DataSource.OnboardedAsync(rep);
        await rep.SayAsync("something private");
        await rep.PressAsync("nudge.rate", $"{Guid.NewGuid()}:1");
        await database.DataSource.ScalarAsync<int>("""
            insert into nudge_history (person_id, delivery_id, intent_id, library_version, style, skill, sent_at)
            values (@id, gen_random_uuid(), 'discovery-x', 1, 'amiable', 'discovery', now());
            insert into escalation (workspace_id, rep_id, reason, severity, shared_text, idempotency_key, created_at)
            select workspace_id, id, 'need_help', 'medium', 'my private words', 'privacy-test', now() from person where id = @id;
            select 1
            """, new { id });

        var ask = await rep.SayAsync("delete my data");
        var deleted = await rep.PressAsync(ask.Messages.Single(), PrivacyConversation.ConfirmDelete);

        Assert.Contains("deleted", MessageText.Of(deleted));
        foreach (var table in (string[])["rep_reply", "nudge_response", "nudge_history", "escalation_offer", "rep_profile", "rep_schedule", "rep_pause_period"])
        {
            Assert.Equal(0, await CountAsync(table, id));
        }

        Assert.Equal(0, await database.DataSource.ScalarAsync<int>(
            "select count(*)::int from escalation where rep_id = @id and shared_text is not null", new { id }));

        Assert.Equal(1, await database.DataSource.ScalarAsync<int>(
            "select count(*)::int from audit_entry where subject_id = @id and action = @action", new { id, action = PrivacyAuditActions.DataDeleted }));
    }

    [Fact]
    public async Task AConfirmButtonForAnotherPersonDeletesNothing()
    {
        await using var rep = NewRep();
        await using var other = NewRep();
        var id = await database.DataSource.OnboardedAsync(rep);
        await database.DataSource.OnboardedAsync(other);
        await rep.SayAsync("something private");

        await other.PressAsync(PrivacyConversation.ConfirmDelete, id.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(1, await CountAsync("rep_reply", id));
    }

    [Fact]
    public async Task TypedConfirmationAlsoDeletes()
    {
        await using var rep = NewRep();
        var id = await database.DataSource.OnboardedAsync(rep);

        await rep.SayAsync("/delete my data confirm");

        Assert.Equal(0, await CountAsync("rep_profile", id));
    }
}
