using CoachBot.Coaching.Nudges.History;
using CoachBot.Coaching.Profiles;
using CoachBot.Testing;
using CoachBot.Testing.Nudges;

namespace CoachBot.IntegrationTests.Nudges;

public sealed class NudgeHistoryTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private static readonly DateTimeOffset SentAt = new(2026, 3, 2, 15, 30, 0, TimeSpan.Zero);

    private readonly NudgeHistory _history = new(database.DataSource);

    [Fact]
    public async Task RecordingTheSameDeliveryTwiceKeepsTheFirst()
    {
        var rep = await new RepSeeder(database.DataSource).SeedAsync();
        var deliveryId = Guid.NewGuid();

        var first = await _history.RecordSentAsync(Sent(rep.Id, deliveryId, "discovery-a"), CancellationToken.None);
        var second = await _history.RecordSentAsync(Sent(rep.Id, deliveryId, "closing-b"), CancellationToken.None);

        Assert.Equal("discovery-a", first.IntentId);
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task ResponsesAreIdempotentAndARatingKeepsTheAnswer()
    {
        var rep = await new RepSeeder(database.DataSource).SeedAsync();
        var deliveryId = Guid.NewGuid();
        await _history.RecordSentAsync(Sent(rep.Id, deliveryId, "discovery-a"), CancellationToken.None);

        await _history.RecordResponseAsync(deliveryId, NudgeResponse.Done, null, SentAt.AddMinutes(12), CancellationToken.None);
        await _history.RecordResponseAsync(deliveryId, NudgeResponse.Rated, 4, SentAt.AddMinutes(13), CancellationToken.None);
        await _history.RecordResponseAsync(deliveryId, NudgeResponse.Rated, 4, SentAt.AddMinutes(13), CancellationToken.None);

        var record = await _history.FindAsync(deliveryId, CancellationToken.None);
        Assert.Equal((NudgeResponse.Done, 4, 720, SentAt.AddMinutes(12)), (record!.Response, record.Confidence, record.ResponseSeconds, record.AnsweredAt));
    }

    [Fact]
    public async Task LaterDoneReplacesAnEarlierSnoozeButNotTheFirstAnswerTime()
    {
        var rep = await new RepSeeder(database.DataSource).SeedAsync();
        var deliveryId = Guid.NewGuid();
        await _history.RecordSentAsync(Sent(rep.Id, deliveryId, "discovery-a"), CancellationToken.None);

        await _history.RecordResponseAsync(deliveryId, NudgeResponse.Snoozed, null, SentAt.AddMinutes(2), CancellationToken.None);
        await _history.RecordResponseAsync(deliveryId, NudgeResponse.Done, null, SentAt.AddHours(3), CancellationToken.None);

        var record = await _history.FindAsync(deliveryId, CancellationToken.None);
        Assert.Equal((NudgeResponse.Done, 120), (record!.Response, record.ResponseSeconds));
    }

    [Fact]
    public async Task ResponseToAnUnknownDeliveryChangesNothing()
    {
        var recorded = await _history.RecordResponseAsync(Guid.NewGuid(), NudgeResponse.Done, null, SentAt, CancellationToken.None);

        Assert.False(recorded);
    }

    [Fact]
    public async Task ConfidenceOutsideOneToFiveIsRejected()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            _history.RecordResponseAsync(Guid.NewGuid(), NudgeResponse.Rated, 6, SentAt, CancellationToken.None));
    }

    [Fact]
    public async Task SummaryShowsPerStyleHowOftenAndHowFastTheRepAnswered()
    {
        var rep = await new RepSeeder(database.DataSource).SeedAsync();
        var answered = new[] { (Minutes: 10, Confidence: 2), (Minutes: 30, Confidence: 4) };
        foreach (var (minutes, confidence) in answered)
        {
            var id = Guid.NewGuid();
            await _history.RecordSentAsync(Sent(rep.Id, id, $"a-{minutes}", CommunicationStyle.Driver), CancellationToken.None);
            await _history.RecordResponseAsync(id, NudgeResponse.Rated, confidence, SentAt.AddMinutes(minutes), CancellationToken.None);
        }

        await _history.RecordSentAsync(Sent(rep.Id, Guid.NewGuid(), "unanswered", CommunicationStyle.Driver), CancellationToken.None);
        await _history.RecordSentAsync(Sent(rep.Id, Guid.NewGuid(), "other", CommunicationStyle.Analytical), CancellationToken.None);

        var summary = await _history.SummarizeByStyleAsync(rep.Id, SentAt.AddDays(-1), CancellationToken.None);

        var driver = Assert.Single(summary, s => s.Style == CommunicationStyle.Driver);
        Assert.Equal((3, 2, 1200d, 3d), (driver.Sent, driver.Answered, driver.MedianResponseSeconds, driver.AverageConfidence));
        Assert.Equal((1, 0), summary.Where(s => s.Style == CommunicationStyle.Analytical).Select(s => (s.Sent, s.Answered)).Single());
    }

    private static NudgeRecord Sent(long personId, Guid deliveryId, string intentId, CommunicationStyle style = CommunicationStyle.Amiable) =>
        new(personId, deliveryId, intentId, 1, style, false, FocusSkill.Discovery, SentAt);
}
