using CoachBot.Coaching.Conversation;
using CoachBot.Coaching.Profiles;
using CoachBot.Testing;
using CoachBot.Testing.Conversation;

namespace CoachBot.IntegrationTests.Conversation;

public sealed class RepReplyTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private RepConversation NewRep() => new(database.DataSource, $"U{Guid.NewGuid():N}");

    [Theory]
    [InlineData("driver", CommunicationStyle.Driver)]
    [InlineData("amiable", CommunicationStyle.Amiable)]
    [InlineData("analytical", CommunicationStyle.Analytical)]
    public async Task AFreeTextReplyIsStoredAndAcknowledgedInTheRepsStyle(string styleName, CommunicationStyle style)
    {
        await using var rep = NewRep();
        var id = await database.DataSource.OnboardedAsync(rep, style: styleName);

        var reply = await rep.SayAsync("Booked two discovery calls with dormant accounts today");

        Assert.Contains(MessageText.Of(reply.Messages.Single()).Split('\n')[0], StyleAcks.All(style, StyleAcks.Kind.Reply));
        Assert.Equal("Booked two discovery calls with dormant accounts today",
            await database.DataSource.ScalarAsync<string>("select body from rep_reply where person_id = @id", new { id }));
    }

    [Fact]
    public async Task AVeryLongReplyIsKeptUpToTheLimitAndTheRepIsTold()
    {
        await using var rep = NewRep();
        var id = await database.DataSource.OnboardedAsync(rep);
        var text = string.Concat(Enumerable.Repeat("Notes from the Acme call. ", 250));

        var reply = await rep.SayAsync(text);

        Assert.Contains(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{text.Length:N0} characters"), MessageText.Of(reply));
        Assert.Contains("first 4,000", MessageText.Of(reply));
        Assert.Equal(text[..RepReplyStore.MaxStoredLength],
            await database.DataSource.ScalarAsync<string>("select body from rep_reply where person_id = @id", new { id }));
        Assert.True(await database.DataSource.ScalarAsync<bool>("select truncated from rep_reply where person_id = @id", new { id }));
    }

    [Fact]
    public async Task AReplyAtTheLimitIsStoredWholeWithoutANote()
    {
        await using var rep = NewRep();
        var id = await database.DataSource.OnboardedAsync(rep);
        var text = new string('x', RepReplyStore.MaxStoredLength);

        var reply = await rep.SayAsync(text);

        Assert.Single(reply.Messages);
        Assert.Equal(RepReplyStore.MaxStoredLength,
            await database.DataSource.ScalarAsync<int>("select length(body) from rep_reply where person_id = @id", new { id }));
    }

    [Fact]
    public async Task RepliesNeverTravelToAManagerAndStayOutOfOtherRepsData()
    {
        await using var writer = NewRep();
        await using var colleague = NewRep();
        var writerId = await database.DataSource.OnboardedAsync(writer);
        await database.DataSource.OnboardedAsync(colleague);
        await writer.SayAsync("I'm worried about my quota this quarter");
        var nudge = await CoachBot.Testing.Scheduling.SentNudges.AddSentNudgeAsync(database.DataSource, writerId, writer.Time.GetUtcNow().AddMinutes(-5));

        var help = await writer.PressAsync("nudge.help", nudge.ToString());
        await writer.PressAsync(help.Messages.Last(), EscalationOffers.Yes);
        var colleagueExport = MessageText.Of(await colleague.SayAsync("export my data"));

        var raised = Assert.Single(writer.Escalations.Requests);
        Assert.Null(raised.SharedText);
        Assert.DoesNotContain("quota", colleagueExport);
    }

    [Fact]
    public async Task AFirstMessageFromAnUnknownRepStartsOnboardingAndIsStillKept()
    {
        await using var rep = NewRep();

        var reply = await rep.SayAsync("hello there, who are you");

        var id = await database.DataSource.PersonIdAsync(rep);
        Assert.Contains("Hi Sam", MessageText.Of(reply.Messages[0]));
        Assert.Equal(1, await database.DataSource.ScalarAsync<int>("select count(*)::int from rep_reply where person_id = @id", new { id }));
    }
}
