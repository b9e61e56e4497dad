using CoachBot.Coaching.Chat;
using CoachBot.Coaching.Conversation;
using CoachBot.Coaching.Escalations;
using CoachBot.Coaching.Nudges;
using CoachBot.Coaching.Profiles;
using CoachBot.Testing;
using CoachBot.Testing.Conversation;
using CoachBot.Testing.Scheduling;

namespace CoachBot.IntegrationTests.Conversation;

public sealed class NudgeResponseTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private RepConversation NewRep() => new(database.DataSource, $"U{Guid.NewGuid():N}");

    // A nudge the ledger shows as sent to this rep ten minutes ago: only such a delivery's buttons are answered.
    private async Task<Guid> SentAsync(RepConversation rep, long id) =>
        await database.DataSource.AddSentNudgeAsync(id, rep.Time.GetUtcNow().AddMinutes(-10));

    private static List<string> Labels(CoachMessage message) =>
        message.Blocks.OfType<ActionsBlock>().SelectMany(b => b.Buttons).Select(b => b.Label).ToList();

    [Fact]
    public async Task DoneIsRecordedOnceAndTheNudgeShowsItsNewState()
    {
        await using var rep = NewRep();
        var id = await database.DataSource.OnboardedAsync(rep, style: "driver");
        var delivery = await SentAsync(rep, id);

        var first = await rep.PressAsync(NudgeActions.Done, delivery.ToString());
        rep.Time.Advance(TimeSpan.FromMinutes(5));
        var replay = await rep.PressAsync(NudgeActions.Done, delivery.ToString());

        Assert.Contains("✓ Done", MessageText.Of(first.UpdatedSource!));
        Assert.Equal(delivery, first.UpdatedSource!.DeliveryId);
        Assert.DoesNotContain(first.UpdatedSource.Blocks.OfType<ActionsBlock>().SelectMany(b => b.Buttons), b => b.ActionId == NudgeActions.Done);
        Assert.Contains(StyleAcks.All(CommunicationStyle.Driver, StyleAcks.Kind.Done), ack => MessageText.Of(first.Messages[0]).Contains(ack, StringComparison.Ordinal));
        Assert.Equal(1, await database.DataSource.ScalarAsync<int>("select count(*)::int from nudge_response where person_id = @id", new { id }));
        Assert.Equal(rep.Time.GetUtcNow().AddMinutes(-5),
            await database.DataSource.TimestampAsync("select done_at from nudge_response where delivery_id = @delivery", new { delivery }));
        Assert.Equal("driver", await database.DataSource.ScalarAsync<string>("select rendered_style from nudge_response where delivery_id = @delivery", new { delivery }));
        Assert.Equal(MessageText.Of(first.UpdatedSource), MessageText.Of(replay.UpdatedSource!));
    }

    [Fact]
    public async Task ALowRatingOffersEscalationButSharesNothingUntilTheRepSaysYes()
    {
        await using var rep = NewRep();
        var id = await database.DataSource.OnboardedAsync(rep);
        var delivery = await SentAsync(rep, id);

        var rated = await rep.PressAsync(NudgeActions.Rate, $"{delivery}:2");

        var offer = rated.Messages.Single(m => m.Text.Contains("manager", StringComparison.Ordinal));
        Assert.Empty(rep.Escalations.Requests);
        Assert.Contains("Confidence 2/5", MessageText.Of(rated.UpdatedSource!));

        var shared = await rep.PressAsync(offer, EscalationOffers.Yes);
        await rep.PressAsync(offer, EscalationOffers.Yes);

        var request = Assert.Single(rep.Escalations.Requests.Distinct());
        Assert.Equal(new EscalationRequest(id, EscalationReason.LowConfidence, null, $"delivery:{delivery}:low_confidence"), request);
        Assert.Contains("E-1", MessageText.Of(shared));
    }

    [Fact]
    public async Task AHighRatingOffersNothing()
    {
        await using var rep = NewRep();
        var id = await database.DataSource.OnboardedAsync(rep);

        var rated = await rep.PressAsync(NudgeActions.Rate, $"{await SentAsync(rep, id)}:4");

        Assert.Single(rated.Messages);
        Assert.DoesNotContain("manager", MessageText.Of(rated));
    }

    [Fact]
    public async Task NeedHelpWithANoteSharesOnlyTheNextMessage()
    {
        await using var rep = NewRep();
        var id = await database.DataSource.OnboardedAsync(rep);
        var delivery = await SentAsync(rep, id);
        await rep.SayAsync("Acme keeps asking about price, not sure what to do");
        var help = await rep.PressAsync(NudgeActions.NeedHelp, delivery.ToString());
        var offer = help.Messages.Last();

        await rep.PressAsync(offer, EscalationOffers.WithNote);
        Assert.Empty(rep.Escalations.Requests);
        var sent = await rep.SayAsync("Could we role-play the pricing call?");

        var request = Assert.Single(rep.Escalations.Requests);
        Assert.Equal((id, EscalationReason.NeedHelp, "Could we role-play the pricing call?"), (request.RepPersonId, request.Reason, request.SharedText));
        Assert.Contains("with your note", MessageText.Of(sent));
    }

    [Fact]
    public async Task SayingNoKeepsEverythingPrivate()
    {
        await using var rep = NewRep();
        var id = await database.DataSource.OnboardedAsync(rep);
        var delivery = await SentAsync(rep, id);
        var help = await rep.PressAsync(NudgeActions.NeedHelp, delivery.ToString());

        var declined = await rep.PressAsync(help.Messages.Last(), EscalationOffers.No);
        var again = await rep.PressAsync(NudgeActions.NeedHelp, delivery.ToString());
        await rep.SayAsync("this is just a private reply");

        Assert.Empty(rep.Escalations.Requests);
        Assert.Contains("nothing was shared", MessageText.Of(declined));
        Assert.DoesNotContain(again.Messages, m => m.Blocks.OfType<ActionsBlock>().Any());
    }

    [Fact]
    public async Task CancellingANoteSharesNothingAndAFailedRaiseCanBeRetried()
    {
        await using var rep = NewRep();
        var id = await database.DataSource.OnboardedAsync(rep);
        var first = await rep.PressAsync(NudgeActions.NeedHelp, (await SentAsync(rep, id)).ToString());
        await rep.PressAsync(first.Messages.Last(), EscalationOffers.WithNote);
        var cancelled = await rep.SayAsync("cancel");

        rep.Time.Advance(TimeSpan.FromMinutes(1));
        var second = await rep.PressAsync(NudgeActions.NeedHelp, (await SentAsync(rep, id)).ToString());
        rep.Escalations.FailNext = true;
        var failed = await rep.PressAsync(second.Messages.Last(), EscalationOffers.Yes);
        var retried = await rep.PressAsync(second.Messages.Last(), EscalationOffers.Yes);

        Assert.Contains("nothing was shared", MessageText.Of(cancelled));
        Assert.Contains("try again", MessageText.Of(failed));
        Assert.Contains("Shared with your manager", MessageText.Of(retried));
        Assert.Single(rep.Escalations.Requests);
    }

    [Fact]
    public async Task SomeoneElsesDeliveryHasExpiredForEveryoneButItsRepAndChangesNothing()
    {
        await using var owner = NewRep();
        await using var other = NewRep();
        var ownerId = await database.DataSource.OnboardedAsync(owner);
        var otherId = await database.DataSource.OnboardedAsync(other);
        var delivery = await SentAsync(owner, ownerId);
        await owner.PressAsync(NudgeActions.Rate, $"{delivery}:5");
        await other.SayAsync("snooze 2 days");

        foreach (var (action, value) in new[] { (NudgeActions.Rate, $"{delivery}:1"), (NudgeActions.Snooze, $"{delivery}"), (NudgeActions.Done, $"{delivery}") })
        {
            var reply = await other.PressAsync(action, value);

            Assert.Equal("That button has expired.", Assert.Single(reply.Messages).Text);
            Assert.Null(reply.UpdatedSource);
        }

        Assert.Equal(5, await database.DataSource.ScalarAsync<int>("select rating from nudge_response where delivery_id = @delivery", new { delivery }));
        Assert.Equal(0, await database.DataSource.ScalarAsync<int>("select count(*)::int from nudge_response where person_id = @otherId", new { otherId }));
        Assert.Equal(other.Time.GetUtcNow().AddDays(2),
            await database.DataSource.TimestampAsync("select snoozed_until from rep_schedule where person_id = @otherId", new { otherId }));
    }

    [Theory]
    [InlineData(NudgeActions.Snooze, "")]
    [InlineData(NudgeActions.Done, "")]
    [InlineData(NudgeActions.NeedHelp, "")]
    [InlineData(NudgeActions.Rate, ":2")]
    public async Task AButtonNamingNoDeliveryHasExpiredAndWritesNothing(string action, string suffix)
    {
        await using var rep = NewRep();
        var id = await database.DataSource.OnboardedAsync(rep);
        await rep.SayAsync("snooze 2 days");

        var reply = await rep.PressAsync(action, $"{Guid.NewGuid()}{suffix}");

        Assert.Equal("That button has expired.", Assert.Single(reply.Messages).Text);
        Assert.Equal(0, await database.DataSource.ScalarAsync<int>("select count(*)::int from nudge_response where person_id = @id", new { id }));
        Assert.Equal(0, await database.DataSource.ScalarAsync<int>("select count(*)::int from escalation_offer where person_id = @id", new { id }));
        Assert.Equal(rep.Time.GetUtcNow().AddDays(2),
            await database.DataSource.TimestampAsync("select snoozed_until from rep_schedule where person_id = @id", new { id }));
    }

    [Fact]
    public async Task RemindMeLaterBringsBackThisNudgeOnlyAndSaysWhenInTheRepsTime()
    {
        await using var rep = NewRep(); // Monday 2 Nov 2026, 10:00 in Berlin
        var id = await database.DataSource.OnboardedAsync(rep);
        var delivery = await SentAsync(rep, id);

        var reply = await rep.PressAsync(NudgeActions.Snooze, delivery.ToString());

        Assert.Equal(
            "Okay, I'll bring this nudge back Mon 2 Nov, 11:00 (Europe/Berlin time). Your other nudges are not affected; " +
            "to hold all of them, type e.g. `snooze 3d` or `pause until friday`.",
            reply.Messages.Single().Text);
        Assert.Equal(["Done", "Need help", "1", "2", "3", "4", "5"], Labels(reply.UpdatedSource!));
        Assert.Contains("Reminder asked for", MessageText.Of(reply.UpdatedSource!));
        Assert.Null(await database.DataSource.TimestampAsync("select snoozed_until from rep_schedule where person_id = @id", new { id }));
        Assert.Equal(rep.Time.GetUtcNow().AddHours(1),
            await database.DataSource.TimestampAsync("select follow_up_due_at from nudge_delivery where id = @delivery", new { delivery }));
    }

    [Fact]
    public async Task RemindMeLaterNeverShortensTheRepsOwnSnooze()
    {
        await using var rep = NewRep();
        var id = await database.DataSource.OnboardedAsync(rep);
        var delivery = await SentAsync(rep, id);
        await rep.SayAsync("snooze 2 days");

        var reply = await rep.PressAsync(NudgeActions.Snooze, delivery.ToString());

        var snoozedUntil = rep.Time.GetUtcNow().AddDays(2);
        Assert.Equal(snoozedUntil, await database.DataSource.TimestampAsync("select snoozed_until from rep_schedule where person_id = @id", new { id }));
        Assert.Equal(snoozedUntil.AddHours(1),
            await database.DataSource.TimestampAsync("select follow_up_due_at from nudge_delivery where id = @delivery", new { delivery }));
        Assert.StartsWith("Okay, I'll bring this nudge back Wed 4 Nov, 11:00 (Europe/Berlin time), after your snooze ends.", reply.Messages.Single().Text);
    }

    [Fact]
    public async Task ANudgeThatAlreadyCameBackIsNotPromisedAgain()
    {
        await using var rep = NewRep();
        var id = await database.DataSource.OnboardedAsync(rep);
        var delivery = await SentAsync(rep, id);
        await database.DataSource.AddSentFollowUpAsync(delivery, rep.Time.GetUtcNow());

        var reply = await rep.PressAsync(NudgeActions.Snooze, delivery.ToString());

        Assert.Equal("This nudge has already come back once, so I won't remind you again. Answer it whenever you're ready.", reply.Messages.Single().Text);
    }

    [Fact]
    public async Task RatingConfidenceKeepsDoneRemindMeLaterAndNeedHelp()
    {
        await using var rep = NewRep();
        var id = await database.DataSource.OnboardedAsync(rep);
        var delivery = await SentAsync(rep, id);

        var rated = await rep.PressAsync(NudgeActions.Rate, $"{delivery}:4");
        var done = await rep.PressAsync(NudgeActions.Done, delivery.ToString());

        Assert.Equal(["Done", "Remind me later", "Need help"], Labels(rated.UpdatedSource!));
        Assert.DoesNotContain(NudgeMessageRatingPrompt, MessageText.Of(rated.UpdatedSource!));
        Assert.Equal(["Need help"], Labels(done.UpdatedSource!));
        Assert.Contains("✓ Done · Confidence 4/5", MessageText.Of(done.UpdatedSource!));
    }

    private const string NudgeMessageRatingPrompt = CoachBot.Coaching.Nudges.Composing.NudgeMessage.RatingPrompt;

    [Fact]
    public async Task DoneOnConsecutiveNudgesBuildsAStreakThatAWeekendDoesNotBreak()
    {
        await using var rep = NewRep();
        var id = await database.DataSource.OnboardedAsync(rep);

        InboxReply reply = InboxReply.None;
        foreach (var days in new[] { 3, 4, 7 }) // Thu, Fri, then Mon
        {
            rep.Time.SetUtcNow(new DateTimeOffset(2026, 11, 2 + days, 9, 0, 0, TimeSpan.Zero));
            var delivery = await database.DataSource.AddSentNudgeAsync(id, rep.Time.GetUtcNow().AddMinutes(-30));
            reply = await rep.PressAsync(NudgeActions.Done, delivery.ToString());
        }

        Assert.Contains("Streak: 3 nudges in a row, your personal best", MessageText.Of(reply));
    }

    [Fact]
    public async Task ACommandTypedWhileANoteIsAwaitedRunsAndIsNotShared()
    {
        await using var rep = NewRep();
        var id = await database.DataSource.OnboardedAsync(rep);
        var help = await rep.PressAsync(NudgeActions.NeedHelp, (await SentAsync(rep, id)).ToString());
        await rep.PressAsync(help.Messages.Last(), EscalationOffers.WithNote);

        await rep.SayAsync("pause");
        await rep.SayAsync("Can we look at my pipeline together?");

        var request = Assert.Single(rep.Escalations.Requests);
        Assert.Equal("Can we look at my pipeline together?", request.SharedText);
        Assert.True(await database.DataSource.ScalarAsync<bool>("select paused from rep_schedule where person_id = @id", new { id }));
    }
}
