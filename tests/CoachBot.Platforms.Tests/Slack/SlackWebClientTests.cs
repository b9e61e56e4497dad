using System.Net;
using CoachBot.Coaching.Chat;
using CoachBot.Platforms.Slack;
using CoachBot.Testing.Slack;

namespace CoachBot.Platforms.Tests.Slack;

public sealed class SlackWebClientTests(SlackClientFixture fixture) : IClassFixture<SlackClientFixture>
{
    private FakeSlackServer Slack => fixture.Slack;

    [Fact]
    public async Task PostsADirectMessageByUserIdAsJsonWithTheBotTokenAndTheDeliveryIdInMetadata()
    {
        var (team, user, deliveryId) = (SlackClientFixture.NewTeam(), SlackClientFixture.NewUser(), Guid.NewGuid());
        var message = CoachMessage.Plain("Try one open question today.") with { DeliveryId = deliveryId };

        var posted = await fixture.CreateClient().PostMessageAsync(team, user, message, threadTs: null, CancellationToken.None);

        var call = Slack.CallsTo("chat.postMessage").Single(c => c.Arg("channel") == user);
        Assert.Equal(FakeSlackServer.DirectChannel(user), posted.Channel);
        Assert.Equal($"Bearer {Slack.Token}", call.Authorization);
        Assert.Equal("application/json; charset=utf-8", call.ContentType);
        Assert.Equal(SlackWebClient.DeliveryEventType, (string)call.Args["metadata"]!["event_type"]!);
        Assert.Equal(deliveryId.ToString(), (string)call.Args["metadata"]!["event_payload"]!["delivery_id"]!);
        Assert.Equal("section", (string)call.Args["blocks"]![0]!["type"]!);
    }

    [Fact]
    public async Task ReadsUsersWithAFormPostAndReturnsTheirTimeZone()
    {
        var user = SlackClientFixture.NewUser();
        Slack.AddUser(user, "Ana Silva", "America/Sao_Paulo", "ana@example.com");

        var found = await fixture.CreateClient().GetUserAsync(SlackClientFixture.NewTeam(), user, CancellationToken.None);

        Assert.Equal(("Ana Silva", "America/Sao_Paulo", "ana@example.com"), (found.DisplayName, found.TimeZone, found.Email));
        Assert.StartsWith("application/x-www-form-urlencoded", Slack.CallsTo("users.info").Last(c => c.Arg("user") == user).ContentType);
    }

    [Fact]
    public async Task HonoursRetryAfterOnA429AndThenSucceeds()
    {
        var (team, user) = (SlackClientFixture.NewTeam(), SlackClientFixture.NewUser());
        Slack.RateLimitNext("chat.postMessage", retryAfterSeconds: 1);

        await fixture.CreateClient().PostMessageAsync(team, user, CoachMessage.Plain("hi"), null, CancellationToken.None);

        var calls = Slack.CallsTo("chat.postMessage").TakeLast(2).ToList();
        Assert.Equal(user, calls[1].Arg("channel"));
        Assert.True(calls[1].At - calls[0].At >= TimeSpan.FromSeconds(0.95), $"retried after {calls[1].At - calls[0].At}");
    }

    [Fact]
    public async Task StopsRetryingRateLimitsAfterMaxAttempts()
    {
        var client = fixture.CreateClient(o => o.MaxAttempts = 2);
        var before = Slack.CallsTo("users.info").Count;
        Slack.RateLimitNext("users.info", retryAfterSeconds: 1, times: 5);

        var error = await Assert.ThrowsAsync<SlackApiException>(() => client.GetUserAsync(SlackClientFixture.NewTeam(), "U1", CancellationToken.None));

        Assert.Equal(("ratelimited", SlackErrorClass.Retryable), (error.Error, error.ErrorClass));
        Assert.Equal(TimeSpan.FromSeconds(1), error.RetryAfter);
        Assert.Equal(2, Slack.CallsTo("users.info").Count - before);
    }

    [Fact]
    public async Task GivesUpWhenRetryAfterWouldPassTheOverallDeadline()
    {
        var client = fixture.CreateClient(o => (o.MaxAttempts, o.OverallDeadline) = (5, TimeSpan.FromSeconds(3)));
        var before = Slack.CallsTo("conversations.members").Count;
        Slack.RateLimitNext("conversations.members", retryAfterSeconds: 30);

        var error = await Assert.ThrowsAsync<SlackApiException>(() => client.GetMembersAsync(SlackClientFixture.NewTeam(), "C1", CancellationToken.None));

        Assert.Equal(TimeSpan.FromSeconds(30), error.RetryAfter);
        Assert.Equal(1, Slack.CallsTo("conversations.members").Count - before);
    }

    [Fact]
    public async Task NeverRetriesAPermanentError()
    {
        var before = Slack.CallsTo("chat.update").Count;
        Slack.FailNext("chat.update", "cant_update_message");

        var error = await Assert.ThrowsAsync<SlackApiException>(() =>
            fixture.CreateClient().UpdateMessageAsync(SlackClientFixture.NewTeam(), "D1", "1.2", CoachMessage.Plain("x"), CancellationToken.None));

        Assert.Equal(SlackErrorClass.Permanent, error.ErrorClass);
        Assert.Equal(1, Slack.CallsTo("chat.update").Count - before);
    }

    [Theory]
    [InlineData("internal_error")]
    [InlineData("service_unavailable")]
    public async Task RetriesRetryableErrorsOfSafeMethods(string error)
    {
        var before = Slack.CallsTo("chat.update").Count;
        Slack.FailNext("chat.update", error);

        await fixture.CreateClient().UpdateMessageAsync(SlackClientFixture.NewTeam(), "D1", "1.2", CoachMessage.Plain("x"), CancellationToken.None);

        Assert.Equal(2, Slack.CallsTo("chat.update").Count - before);
    }

    [Fact]
    public async Task RetriesAServerErrorStatus()
    {
        var user = SlackClientFixture.NewUser();
        Slack.AddUser(user, "Bo");
        Slack.FailNextWithStatus("users.info", HttpStatusCode.ServiceUnavailable);

        var found = await fixture.CreateClient().GetUserAsync(SlackClientFixture.NewTeam(), user, CancellationToken.None);

        Assert.Equal("Bo", found.DisplayName);
    }

    [Fact]
    public async Task DoesNotResendAPostThatMayHaveGoneThrough()
    {
        var user = SlackClientFixture.NewUser();
        Slack.FailNext("chat.postMessage", "fatal_error");

        var error = await Assert.ThrowsAsync<SlackApiException>(() =>
            fixture.CreateClient().PostMessageAsync(SlackClientFixture.NewTeam(), user, CoachMessage.Plain("x"), null, CancellationToken.None));

        Assert.Equal(SlackErrorClass.Retryable, error.ErrorClass);
        Assert.Single(Slack.CallsTo("chat.postMessage"), c => c.Arg("channel") == user);
    }

    [Fact]
    public async Task ARevokedTokenDisablesTheWorkspaceAndLaterCallsStopBeforeSlack()
    {
        var (team, user) = (SlackClientFixture.NewTeam(), SlackClientFixture.NewUser());
        var client = fixture.CreateClient();
        Slack.FailNext("chat.postMessage", "token_revoked");

        var first = await Assert.ThrowsAsync<SlackApiException>(() => client.PostMessageAsync(team, user, CoachMessage.Plain("x"), null, CancellationToken.None));
        var second = await Assert.ThrowsAsync<SlackApiException>(() => client.PostMessageAsync(team, user, CoachMessage.Plain("x"), null, CancellationToken.None));

        Assert.Equal(SlackErrorClass.WorkspaceFatal, first.ErrorClass);
        Assert.Equal(("workspace_disabled", SlackErrorClass.WorkspaceFatal), (second.Error, second.ErrorClass));
        Assert.Single(Slack.CallsTo("chat.postMessage"), c => c.Arg("channel") == user);
        var disabled = await new SlackWorkspaces(fixture.Database.DataSource, TimeProvider.System).ListDisabledAsync(CancellationToken.None);
        Assert.Contains(disabled, w => w.TeamId == team && w.Reason == "chat.postMessage: token_revoked");
    }

    [Fact]
    public async Task AWrongTokenIsWorkspaceFatal()
    {
        var error = await Assert.ThrowsAsync<SlackApiException>(() =>
            fixture.CreateClient(o => o.BotToken = "xoxb-wrong").GetUserAsync(SlackClientFixture.NewTeam(), "U1", CancellationToken.None));

        Assert.Equal(("invalid_auth", SlackErrorClass.WorkspaceFatal), (error.Error, error.ErrorClass));
    }

    [Fact]
    public async Task PacesPostsToOneChannelThroughTheSharedGate()
    {
        var (team, channel) = (SlackClientFixture.NewTeam(), "C" + SlackClientFixture.NewUser()[1..]);
        var client = fixture.CreateClient(o => o.PostPerChannelPerSecond = 2);

        for (var i = 0; i < 3; i++)
        {
            await client.PostMessageAsync(team, channel, CoachMessage.Plain($"m{i}"), null, CancellationToken.None);
        }

        var calls = Slack.CallsTo("chat.postMessage").Where(c => c.Arg("channel") == channel).ToList();
        // Three posts at 2/s take two 500 ms gaps; the margin covers the first call's own round trip.
        Assert.True(calls[2].At - calls[0].At >= TimeSpan.FromMilliseconds(750), $"spread {calls[2].At - calls[0].At}");
        await using var command = fixture.Database.DataSource.CreateCommand("select count(*) from rate_gate where key in ($1, $2)");
        var options = new SlackOptions();
        command.Parameters.AddWithValue(SlackRates.Post(options, team).Key);
        command.Parameters.AddWithValue(SlackRates.Channel(options, team, channel).Key);
        Assert.Equal(2L, await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task AnswersThroughAResponseUrlWithoutTheToken()
    {
        var url = Slack.NewResponseUrl();

        await fixture.CreateClient().RespondAsync(SlackClientFixture.NewTeam(), url, CoachMessage.Plain("Later answer"), inChannel: false, replaceOriginal: true, CancellationToken.None);

        var call = Slack.CallsTo("response_url").Last();
        Assert.Equal("", call.Authorization);
        Assert.Equal(("ephemeral", "true"), (call.Arg("response_type"), call.Arg("replace_original")));
    }

    [Fact]
    public async Task RefusesAResponseUrlOutsideSlack()
    {
        var error = await Assert.ThrowsAsync<SlackApiException>(() => fixture.CreateClient()
            .RespondAsync("T1", new Uri("https://evil.example/hook"), CoachMessage.Plain("x"), false, false, CancellationToken.None));

        Assert.Equal(SlackErrorClass.Permanent, error.ErrorClass);
    }

    [Fact]
    public async Task AuthTestReturnsTheBotsOwnIds()
    {
        var me = await fixture.CreateClient().AuthTestAsync(null, CancellationToken.None);

        Assert.Equal(new SlackIdentity(FakeSlackServer.TeamId, FakeSlackServer.BotUserId, FakeSlackServer.BotId), me);
    }

    [Fact]
    public async Task ListsChannelMembersAndRemovesSomeone()
    {
        var channel = "C" + SlackClientFixture.NewUser()[1..];
        Slack.SetMembers(channel, "U1", "U2", FakeSlackServer.BotUserId);
        var client = fixture.CreateClient();

        var members = await client.GetMembersAsync(SlackClientFixture.NewTeam(), channel, CancellationToken.None);
        await client.KickAsync(SlackClientFixture.NewTeam(), channel, "U2", CancellationToken.None);

        Assert.Equal(["U1", "U2", FakeSlackServer.BotUserId], members);
        var kick = Slack.CallsTo("conversations.kick").Last();
        Assert.Equal((channel, "U2"), (kick.Arg("channel"), kick.Arg("user")));
    }

    [Fact]
    public async Task PostsEphemeralAndPublishesHome()
    {
        var client = fixture.CreateClient();

        await client.PostEphemeralAsync(SlackClientFixture.NewTeam(), "C1", "U1", CoachMessage.Plain("only you"), CancellationToken.None);
        await client.PublishHomeAsync(SlackClientFixture.NewTeam(), "U1", CoachMessage.Plain("home"), CancellationToken.None);

        Assert.Equal(("C1", "U1"), (Slack.CallsTo("chat.postEphemeral").Last().Arg("channel"), Slack.CallsTo("chat.postEphemeral").Last().Arg("user")));
        Assert.Equal("home", (string)Slack.CallsTo("views.publish").Last().Args["view"]!["type"]!);
    }
}
