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

    [Fact]
    public async Task DoneIsRecordedOnceAndTheNudgeShowsItsNewState()
    {
        await using var rep = NewRep();
        var id = await database.DataSource.OnboardedAsync(rep, style: "driver");
        var delivery = Guid.NewGuid();

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
        var delivery = Guid.NewGuid();

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
        await database.DataSource.OnboardedAsync(rep);

        var rated = await rep.PressAsync(NudgeActions.Rate, $"{Guid.NewGuid()}:4");

        Assert.Single(rated.Messages);
        Assert.DoesNotContain("manager", MessageText.Of(rated));
    }

    [Fact]
    public async Task NeedHelpWithANoteSharesOnlyTheNextMessage()
    {
        await using var rep = NewRep();
        var id = await database.DataSource.OnboardedAsync(rep);
        await rep.SayAsync("Acme keeps asking about price, not sure what to do");
        var help = await rep.PressAsync(NudgeActions.NeedHelp, Guid.NewGuid().ToString());
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
        await database.DataSource.OnboardedAsync(rep);
        var delivery = Guid.NewGuid();
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
        await database.DataSource.OnboardedAsync(rep);
        var first = await rep.PressAsync(NudgeActions.NeedHelp, Guid.NewGuid().ToString());
        await rep.PressAsync(first.Messages.Last(), EscalationOffers.WithNote);
        var cancelled = await rep.SayAsync("cancel");

        var second = await rep.PressAsync(NudgeActions.NeedHelp, Guid.NewGuid().ToString());
        rep.Escalations.FailNext = true;
        var failed = await rep.PressAsync(second.Messages.Last(), EscalationOffers.Yes);
        var retried = await rep.PressAsync(second.Messages.Last(), EscalationOffers.Yes);

        Assert.Contains("nothing was shared", MessageText.Of(cancelled));
        Assert.Contains("try again", MessageText.Of(failed));
        Assert.Contains("Shared with your manager", MessageText.Of(retried));
        Assert.Single(rep.Escalations.Requests);
    }

    [Fact]
    public async Task SomeoneElsesDeliveryCannotBeAnswered()
    {
        await using var owner = NewRep();
        await using var other = NewRep();
        await database.DataSource.OnboardedAsync(owner);
        await database.DataSource.OnboardedAsync(other);
        var delivery = Guid.NewGuid();
        await owner.PressAsync(NudgeActions.Rate, $"{delivery}:5");

        var reply = await other.PressAsync(NudgeActions.Rate, $"{delivery}:1");

        Assert.Contains("isn't for you", MessageText.Of(reply));
        Assert.Equal(5, await database.DataSource.ScalarAsync<int>("select rating from nudge_response where delivery_id = @delivery", new { delivery }));
    }

    [Fact]
    public async Task SnoozeFromANudgeHoldsNudgesForADay()
    {
        await using var rep = NewRep();
        var id = await database.DataSource.OnboardedAsync(rep);

        await rep.PressAsync(NudgeActions.Snooze, Guid.NewGuid().ToString());

        Assert.Equal(rep.Time.GetUtcNow().AddDays(1),
            await database.DataSource.TimestampAsync("select snoozed_until from rep_schedule where person_id = @id", new { id }));
    }

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
        var help = await rep.PressAsync(NudgeActions.NeedHelp, Guid.NewGuid().ToString());
        await rep.PressAsync(help.Messages.Last(), EscalationOffers.WithNote);

        await rep.SayAsync("pause");
        await rep.SayAsync("Can we look at my pipeline together?");

        var request = Assert.Single(rep.Escalations.Requests);
        Assert.Equal("Can we look at my pipeline together?", request.SharedText);
        Assert.True(await database.DataSource.ScalarAsync<bool>("select paused from rep_schedule where person_id = @id", new { id }));
    }
}
