using CoachBot.Coaching.Chat;
using CoachBot.Coaching.Nudges;
using CoachBot.IntegrationTests.Scheduling;
using CoachBot.Testing;
using CoachBot.Testing.Conversation;
using CoachBot.Testing.Scheduling;

namespace CoachBot.IntegrationTests.Conversation;

public sealed class AnsweredNudgeTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private RepConversation NewRep() => new(database.DataSource, $"U{Guid.NewGuid():N}");

    private Task<DateTimeOffset?> AnsweredAtAsync(Guid delivery) =>
        database.DataSource.TimestampAsync("select answered_at from nudge_delivery where id = @delivery", new { delivery });

    private Task<int> FollowUpsAsync(Guid delivery) =>
        database.DataSource.ScalarAsync<int>("select count(*)::int from nudge_delivery where parent_id = @delivery", new { delivery });

    [Theory]
    [InlineData(NudgeActions.Done, "")]
    [InlineData(NudgeActions.NeedHelp, "")]
    [InlineData(NudgeActions.Rate, ":4")]
    public async Task AnyButtonOnASentNudgeAnswersItSoNoFollowUpGoesOut(string action, string suffix)
    {
        await using var rep = NewRep();
        var id = await database.DataSource.OnboardedAsync(rep);
        var delivery = await database.DataSource.AddSentNudgeAsync(id, rep.Time.GetUtcNow().AddMinutes(-10), TimeSpan.FromHours(1));

        await rep.PressAsync(action, $"{delivery}{suffix}");
        var harness = new NudgeHarness(database);
        harness.Clock.SetUtcNow(rep.Time.GetUtcNow().AddHours(2));
        await harness.FollowUps().RunAsync(default);

        Assert.Equal(rep.Time.GetUtcNow(), await AnsweredAtAsync(delivery));
        Assert.Equal(0, await FollowUpsAsync(delivery));
    }

    [Fact]
    public async Task DoneOnAFollowUpAnswersTheNudgeItFollowsAndTheHistoryLearnsIt()
    {
        await using var rep = NewRep();
        var id = await database.DataSource.OnboardedAsync(rep);
        var now = rep.Time.GetUtcNow();
        var nudge = await database.DataSource.AddSentNudgeAsync(id, now.AddHours(-5));
        await database.DataSource.AddHistoryAsync(id, nudge, now.AddHours(-5));
        var followUp = await database.DataSource.AddSentFollowUpAsync(nudge, now.AddHours(-1));

        await rep.PressAsync(NudgeActions.Done, followUp.ToString());

        Assert.Equal(now, await AnsweredAtAsync(nudge));
        Assert.Equal("done", await database.DataSource.ScalarAsync<string>("select response from nudge_history where delivery_id = @nudge", new { nudge }));
    }

    [Fact]
    public async Task RemindMeLaterBringsTheNudgeBackOnceThroughTheFollowUpTickAndAnsweringFirstCancelsIt()
    {
        await using var rep = NewRep();
        var id = await database.DataSource.OnboardedAsync(rep);
        var reminded = await database.DataSource.AddSentNudgeAsync(id, rep.Time.GetUtcNow().AddMinutes(-10), TimeSpan.FromHours(4));
        var answered = await database.DataSource.AddSentNudgeAsync(id, rep.Time.GetUtcNow().AddMinutes(-5), TimeSpan.FromHours(4));

        await rep.PressAsync(NudgeActions.Snooze, reminded.ToString());
        await rep.PressAsync(NudgeActions.Snooze, answered.ToString());
        await rep.PressAsync(NudgeActions.Done, answered.ToString());
        var harness = new NudgeHarness(database);
        harness.Clock.SetUtcNow(rep.Time.GetUtcNow().AddMinutes(61));
        await harness.FollowUps().RunAsync(default);

        Assert.Null(await AnsweredAtAsync(reminded));
        Assert.Equal(1, await FollowUpsAsync(reminded));
        Assert.Equal(0, await FollowUpsAsync(answered));
    }

    [Fact]
    public async Task AnUnansweredNudgeStillGetsItsFollowUp()
    {
        await using var rep = NewRep();
        var id = await database.DataSource.OnboardedAsync(rep);
        var delivery = await database.DataSource.AddSentNudgeAsync(id, rep.Time.GetUtcNow().AddMinutes(-10), TimeSpan.FromHours(1));

        var harness = new NudgeHarness(database);
        harness.Clock.SetUtcNow(rep.Time.GetUtcNow().AddHours(2));
        await harness.FollowUps().RunAsync(default);

        Assert.Null(await AnsweredAtAsync(delivery));
        Assert.Equal(1, await FollowUpsAsync(delivery));
    }

    [Fact]
    public async Task AReplyAnswersTheLatestSentNudgeAndTheHistoryLearnsItWasAReply()
    {
        await using var rep = NewRep();
        var id = await database.DataSource.OnboardedAsync(rep);
        var now = rep.Time.GetUtcNow();
        var older = await database.DataSource.AddSentNudgeAsync(id, now.AddDays(-1));
        var latest = await database.DataSource.AddSentNudgeAsync(id, now.AddMinutes(-20));
        await database.DataSource.AddHistoryAsync(id, latest, now.AddMinutes(-20));

        await rep.SayAsync("Booked two discovery calls for Thursday");

        Assert.Equal(now, await AnsweredAtAsync(latest));
        Assert.Null(await AnsweredAtAsync(older));
        Assert.Equal("replied", await database.DataSource.ScalarAsync<string>("select response from nudge_history where delivery_id = @latest", new { latest }));
        Assert.Equal(1200, await database.DataSource.ScalarAsync<int>("select response_seconds from nudge_history where delivery_id = @latest", new { latest }));
    }

    [Fact]
    public async Task AReplyWithNoNudgeOutstandingIsStillStoredAndAcknowledged()
    {
        await using var rep = NewRep();
        var id = await database.DataSource.OnboardedAsync(rep);
        var answered = await database.DataSource.AddSentNudgeAsync(id, rep.Time.GetUtcNow().AddHours(-3), answeredAt: rep.Time.GetUtcNow().AddHours(-2));

        var reply = await rep.SayAsync("Quiet day today");

        Assert.Single(reply.Messages);
        Assert.Equal(rep.Time.GetUtcNow().AddHours(-2), await AnsweredAtAsync(answered));
        Assert.Equal(1, await database.DataSource.ScalarAsync<int>("select count(*)::int from rep_reply where person_id = @id", new { id }));
    }

    [Fact]
    public async Task AButtonPressRecordsWhenTheNudgeWasSentForLearningWhatWorks()
    {
        await using var rep = NewRep();
        var id = await database.DataSource.OnboardedAsync(rep, style: "driver");
        var sentAt = rep.Time.GetUtcNow().AddMinutes(-15);
        var delivery = await database.DataSource.AddSentNudgeAsync(id, sentAt);
        await database.DataSource.AddHistoryAsync(id, delivery, sentAt);

        await rep.PressAsync(NudgeActions.Done, delivery.ToString());

        Assert.Equal(sentAt, await database.DataSource.TimestampAsync("select sent_at from nudge_response where delivery_id = @delivery", new { delivery }));
        Assert.Equal(1L, await database.DataSource.ScalarAsync<long>(
            "select answered from nudge_response_by_style where person_id = @id and rendered_style = 'driver'", new { id }));
        Assert.Equal(900d, await database.DataSource.ScalarAsync<double>(
            "select median_seconds_to_answer from nudge_response_by_style where person_id = @id", new { id }));
    }

    [Fact]
    public async Task AWeeklyRepBuildsAStreakFromTheNudgesTheyWereSent()
    {
        await using var rep = NewRep();
        var id = await database.DataSource.OnboardedAsync(rep);

        var reply = await AnswerWeeklyAsync(rep, id, answered: [true, true, true]);

        Assert.Contains("Streak: 3 nudges in a row, your personal best", MessageText.Of(reply));
    }

    [Fact]
    public async Task AMissedWeeklyNudgeBreaksTheStreakButKeepsTheBest()
    {
        await using var rep = NewRep();
        var id = await database.DataSource.OnboardedAsync(rep);

        var reply = await AnswerWeeklyAsync(rep, id, answered: [true, true, true, false, true, true]);

        Assert.Contains("Streak: 2 nudges in a row (your best: 3)", MessageText.Of(reply));
    }

    // One nudge each Monday; the rep presses Done on the ones marked true and leaves the others.
    private async Task<InboxReply> AnswerWeeklyAsync(RepConversation rep, long id, bool[] answered)
    {
        var reply = InboxReply.None;
        for (var week = 0; week < answered.Length; week++)
        {
            rep.Time.SetUtcNow(new DateTimeOffset(2026, 11, 2, 10, 0, 0, TimeSpan.Zero).AddDays(7 * week));
            var delivery = await database.DataSource.AddSentNudgeAsync(id, rep.Time.GetUtcNow().AddMinutes(-30));
            if (answered[week])
            {
                reply = await rep.PressAsync(NudgeActions.Done, delivery.ToString());
            }
        }

        return reply;
    }
}
