using CoachBot.Coaching.Chat;
using CoachBot.Platforms.Slack;

namespace CoachBot.Platforms.Tests.Slack;

public sealed class SlackMessengerTests(SlackClientFixture fixture) : IClassFixture<SlackClientFixture>
{
    private SlackMessenger Messenger() => new(fixture.CreateClient());

    private static PersonKey NewPerson() => new(ChatPlatform.Slack, SlackClientFixture.NewTeam(), SlackClientFixture.NewUser());

    [Fact]
    public async Task SendsToThePersonsDmAndReturnsTheRealChannelForUpdates()
    {
        var person = NewPerson();

        var sent = await Messenger().SendDirectAsync(person, CoachMessage.Plain("hello"), CancellationToken.None);
        await Messenger().UpdateAsync(sent, CoachMessage.Plain("hello ✓"), CancellationToken.None);

        Assert.StartsWith("D", sent.Conversation.ConversationId);
        var update = fixture.Slack.CallsTo("chat.update").Last();
        Assert.Equal((sent.Conversation.ConversationId, sent.MessageId), (update.Arg("channel"), update.Arg("ts")));
    }

    [Fact]
    public async Task FindsADeliveryByTheIdInItsMetadata()
    {
        var person = NewPerson();
        var since = DateTimeOffset.UtcNow.AddMinutes(-1);
        var ids = Enumerable.Range(0, 3).Select(_ => Guid.NewGuid()).ToList();
        var sent = new List<SentMessage>();
        foreach (var id in ids)
        {
            sent.Add(await Messenger().SendDirectAsync(person, CoachMessage.Plain("nudge") with { DeliveryId = id }, CancellationToken.None));
        }

        var found = await Messenger().FindDeliveryAsync(person, ids[1], DateTimeOffset.FromUnixTimeSeconds(1_772_000_000), CancellationToken.None);
        var missing = await Messenger().FindDeliveryAsync(person, Guid.NewGuid(), since, CancellationToken.None);

        Assert.True(Messenger().CanReconcile);
        Assert.Equal(sent[1], found);
        Assert.Null(missing);
        Assert.Equal("true", fixture.Slack.CallsTo("conversations.history").Last().Arg("include_all_metadata"));
    }

    [Fact]
    public async Task FindsNothingWhenThePersonHasNoDmYet() =>
        Assert.Null(await Messenger().FindDeliveryAsync(NewPerson(), Guid.NewGuid(), DateTimeOffset.UtcNow, CancellationToken.None));

    [Theory]
    [InlineData("user_not_found", ChatFailureKind.Unreachable)]
    [InlineData("messages_tab_disabled", ChatFailureKind.Unreachable)]
    [InlineData("invalid_blocks", ChatFailureKind.Permanent)]
    [InlineData("account_inactive", ChatFailureKind.WorkspaceFatal)]
    public async Task ReportsSlackErrorsAsClassifiedDeliveryFailures(string error, ChatFailureKind kind)
    {
        fixture.Slack.FailNext("chat.postMessage", error);

        var failure = await Assert.ThrowsAsync<ChatDeliveryException>(() => Messenger().SendDirectAsync(NewPerson(), CoachMessage.Plain("x"), CancellationToken.None));

        Assert.Equal((kind, error, false), (failure.Kind, failure.Code, failure.MayHaveArrived));
    }

    [Fact]
    public async Task AServerErrorOnAPostIsRetryableButMayHaveBeenPosted()
    {
        // chat.postMessage is not resent by the client: a 5xx can follow a post Slack did store.
        fixture.Slack.FailNextWithStatus("chat.postMessage", System.Net.HttpStatusCode.BadGateway);

        var failure = await Assert.ThrowsAsync<ChatDeliveryException>(() => Messenger().SendDirectAsync(NewPerson(), CoachMessage.Plain("x"), CancellationToken.None));

        Assert.Equal((ChatFailureKind.Retryable, "http_502", true), (failure.Kind, failure.Code, failure.MayHaveArrived));
    }

    [Fact]
    public async Task ARateLimitedPostIsCertainlyNotPosted()
    {
        fixture.Slack.RateLimitNext("chat.postMessage", retryAfterSeconds: 0, times: 20);

        var failure = await Assert.ThrowsAsync<ChatDeliveryException>(() => Messenger().SendDirectAsync(NewPerson(), CoachMessage.Plain("x"), CancellationToken.None));

        Assert.Equal((ChatFailureKind.Retryable, "ratelimited", false), (failure.Kind, failure.Code, failure.MayHaveArrived));
    }

    [Fact]
    public async Task ARateLimitedNudgeItsBatchPrepaidIsHandedBackWithoutAResendAndBlocksTheWorkspaceForEveryone()
    {
        var person = NewPerson();
        fixture.Slack.RateLimitNext("chat.postMessage", retryAfterSeconds: 30);
        var key = SlackRates.Post(new SlackOptions(), person.WorkspaceId).Key;

        var failure = await Assert.ThrowsAsync<ChatDeliveryException>(() =>
            Messenger().SendDirectAsync(person, CoachMessage.Plain("nudge"), new RateSlot(key, 10), CancellationToken.None));

        Assert.Equal((ChatFailureKind.Retryable, TimeSpan.FromSeconds(30)), (failure.Kind, failure.RetryAfter));
        Assert.Single(fixture.Slack.CallsTo("chat.postMessage"), c => c.Arg("channel") == person.UserId);
        await using var command = fixture.Database.DataSource.CreateCommand("select extract(epoch from next_at - clock_timestamp())::float8 from rate_gate where key = $1");
        command.Parameters.AddWithValue(key);
        Assert.InRange((double)(await command.ExecuteScalarAsync())!, 25, 30);
    }

    [Fact]
    public async Task APrepaidNudgeReservesNothingMoreInTheGate()
    {
        var person = NewPerson();
        var options = new SlackOptions();
        var workspace = SlackRates.Post(options, person.WorkspaceId).Key;

        await Messenger().SendDirectAsync(person, CoachMessage.Plain("nudge"), new RateSlot(workspace, 10), CancellationToken.None);

        Assert.Single(fixture.Slack.CallsTo("chat.postMessage"), c => c.Arg("channel") == person.UserId);
        Assert.False(await HasRateRowAsync(workspace), "the batch paid for the workspace slot; the client must not pay again");
        Assert.False(await HasRateRowAsync(SlackRates.Channel(options, person.WorkspaceId, person.UserId).Key));
    }

    [Fact]
    public async Task APostSlackRefusedAsRatelimitedInItsBodyIsResentAndTheResendReservesItsOwnSlot()
    {
        // A 200 with ok:false "ratelimited" was refused outright, so resending cannot duplicate; the prepaid slot paid
        // for the first request only, so the resend reserves the workspace and the conversation like any other call.
        var person = NewPerson();
        var options = new SlackOptions();
        var workspace = SlackRates.Post(options, person.WorkspaceId).Key;
        fixture.Slack.FailNext("chat.postMessage", "ratelimited");

        var sent = await Messenger().SendDirectAsync(person, CoachMessage.Plain("nudge"), new RateSlot(workspace, 10), CancellationToken.None);

        Assert.NotEmpty(sent.MessageId);
        Assert.Equal(2, fixture.Slack.CallsTo("chat.postMessage").Count(c => c.Arg("channel") == person.UserId));
        Assert.True(await HasRateRowAsync(workspace), "the resend reserved the workspace");
        Assert.True(await HasRateRowAsync(SlackRates.Channel(options, person.WorkspaceId, person.UserId).Key), "the resend reserved the conversation");
    }

    private async Task<bool> HasRateRowAsync(string key)
    {
        await using var command = fixture.Database.DataSource.CreateCommand("select exists (select 1 from rate_gate where key = $1)");
        command.Parameters.AddWithValue(key);
        return (bool)(await command.ExecuteScalarAsync())!;
    }
}
