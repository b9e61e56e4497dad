using System.Diagnostics;
using CoachBot.Coaching.Chat;
using CoachBot.Coaching.People;
using CoachBot.Platforms.Teams;
using CoachBot.Testing;
using CoachBot.Testing.Teams;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.IntegrationTests.Teams;

// The real Teams registration against a loopback Connector and token endpoint, with references in PostgreSQL.
public sealed class TeamsMessengerTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private const string Tenant = TeamsActivities.Tenant;
    private FakeBotConnector _connector = null!;
    private CoachBotApplication _app = null!;

    private TeamsMessenger Messenger => _app.Services.GetRequiredService<TeamsMessenger>();

    private ConversationReferenceStore References => _app.Services.GetRequiredService<ConversationReferenceStore>();

    public async Task InitializeAsync()
    {
        _connector = await FakeBotConnector.StartAsync();
        _app = new CoachBotApplication(database).WithTeamsOutbound(_connector);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task DirectMessagesUseTheStoredConversationAndOneCachedToken()
    {
        var rep = await StoreRepAsync();

        await Messenger.SendDirectAsync(rep, CoachMessage.Plain("one"), default);
        var sent = await Messenger.SendDirectAsync(rep, CoachMessage.Plain("two"), default);

        var calls = _connector.CallsTo("POST");
        Assert.Equal(2, calls.Count);
        Assert.All(calls, c => Assert.Equal($"/v3/conversations/{Conversation(rep)}/activities", c.Path));
        Assert.All(calls, c => Assert.Equal("Bearer bot-token-1", c.Authorization));
        Assert.Single(_connector.TokenRequests);
        Assert.Equal(Conversation(rep), sent.Conversation.ConversationId);
        Assert.False(string.IsNullOrEmpty(sent.MessageId));
    }

    [Fact]
    public async Task AServiceUrlThatNoValidatedActivityBroughtNeverReceivesTheToken()
    {
        var connector = _app.Services.GetRequiredService<ConnectorClient>();
        var arbitrary = new ConnectorTarget(_connector.ServiceUrl, Tenant, "a:never-stored");

        var failure = await Assert.ThrowsAsync<ChatDeliveryException>(() =>
            connector.SendAsync(arbitrary, TeamsMessenger.ToActivity(CoachMessage.Plain("hi")), default));

        Assert.Equal((ChatFailureKind.Permanent, "untrusted-service-url"), (failure.Kind, failure.Code));
        Assert.Empty(_connector.Calls);
        Assert.Empty(_connector.TokenRequests);
    }

    [Fact]
    public async Task A429WaitsForRetryAfterThenSucceeds()
    {
        var rep = await StoreRepAsync();
        _connector.FailNext(429, "Throttled", retryAfter: TimeSpan.FromSeconds(1));
        var clock = Stopwatch.StartNew();

        await Messenger.SendDirectAsync(rep, CoachMessage.Plain("hi"), default);

        Assert.Equal(2, _connector.CallsTo("POST").Count);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(900), $"retried after {clock.Elapsed}");
    }

    [Theory]
    [InlineData(412)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task TransientFailuresAreRetriedWithBackoff(int status)
    {
        var rep = await StoreRepAsync();
        _connector.FailNext(status, times: 2);

        await Messenger.SendDirectAsync(rep, CoachMessage.Plain("hi"), default);

        Assert.Equal(3, _connector.CallsTo("POST").Count);
    }

    [Fact]
    public async Task RetriesAreBoundedAndEndAsRetryable()
    {
        var rep = await StoreRepAsync();
        _connector.FailNext(503, times: 10);

        var failure = await Assert.ThrowsAsync<ChatDeliveryException>(() => Messenger.SendDirectAsync(rep, CoachMessage.Plain("hi"), default));

        Assert.Equal(ChatFailureKind.Retryable, failure.Kind);
        Assert.Equal(4, _connector.CallsTo("POST").Count);
        Assert.False(failure.MayHaveArrived, "a 503 means the service did not take the activity");
    }

    [Theory]
    [InlineData(502, ChatFailureKind.Retryable, true)]
    [InlineData(504, ChatFailureKind.Retryable, true)]
    [InlineData(500, ChatFailureKind.Permanent, true)]
    [InlineData(429, ChatFailureKind.Retryable, false)]
    [InlineData(400, ChatFailureKind.Permanent, false)]
    public async Task FailuresSayWhetherTheActivityMayAlreadyBeInTheChat(int status, ChatFailureKind kind, bool mayHaveArrived)
    {
        var rep = await StoreRepAsync();
        _connector.FailNext(status, retryAfter: status == 429 ? TimeSpan.Zero : null, times: 10);

        var failure = await Assert.ThrowsAsync<ChatDeliveryException>(() => Messenger.SendDirectAsync(rep, CoachMessage.Plain("hi"), default));

        Assert.Equal((kind, mayHaveArrived), (failure.Kind, failure.MayHaveArrived));
    }

    [Theory]
    [InlineData(400, ChatFailureKind.Permanent)]
    [InlineData(404, ChatFailureKind.Unreachable)]
    [InlineData(413, ChatFailureKind.Permanent)]
    [InlineData(500, ChatFailureKind.Permanent)]
    public async Task FailuresThatRetryingCannotFixAreNotRetried(int status, ChatFailureKind kind)
    {
        var rep = await StoreRepAsync();
        _connector.FailNext(status, times: 3);

        var failure = await Assert.ThrowsAsync<ChatDeliveryException>(() => Messenger.SendDirectAsync(rep, CoachMessage.Plain("hi"), default));

        Assert.Equal(kind, failure.Kind);
        Assert.Single(_connector.CallsTo("POST"));
    }

    [Theory]
    [InlineData("ConversationBlockedByUser")]
    [InlineData("MessageWritesBlocked")]
    [InlineData("BotNotInConversationRoster")]
    public async Task A403MarksThePersonUnreachableAndIsNotRetried(string subCode)
    {
        var rep = await StoreRepAsync();
        await new PersonDirectory(database.DataSource).UpsertAsync(new Sender(rep, "Riley Rep"), default);
        _connector.FailNext(403, subCode, times: 3);

        var failure = await Assert.ThrowsAsync<ChatDeliveryException>(() => Messenger.SendDirectAsync(rep, CoachMessage.Plain("hi"), default));

        Assert.Equal(ChatFailureKind.Unreachable, failure.Kind);
        Assert.Equal($"403 {subCode}", failure.Code);
        Assert.Single(_connector.CallsTo("POST"));
        var person = await new PersonDirectory(database.DataSource).FindAsync(rep, default);
        Assert.False(person!.Reachable);
        var again = await Assert.ThrowsAsync<ChatDeliveryException>(() => Messenger.SendDirectAsync(rep, CoachMessage.Plain("hi"), default));
        Assert.Equal((ChatFailureKind.Unreachable, 1), (again.Kind, _connector.CallsTo("POST").Count));
    }

    [Fact]
    public async Task AnExpiredTokenIsRefreshedOnceAndTheCallRepeated()
    {
        var rep = await StoreRepAsync();
        _connector.FailNext(401);

        await Messenger.SendDirectAsync(rep, CoachMessage.Plain("hi"), default);

        var calls = _connector.CallsTo("POST");
        Assert.Equal(["Bearer bot-token-1", "Bearer bot-token-2"], calls.Select(c => c.Authorization));
    }

    [Fact]
    public async Task WithoutAStoredChatAProactiveOneToOneConversationIsCreatedThenReused()
    {
        var rep = new PersonKey(ChatPlatform.Teams, Tenant, $"aad-{Guid.NewGuid():N}");
        var member = new TeamsMember(Tenant, rep.UserId, "29:seen-in-a-channel", _connector.ServiceUrl, TeamsActivities.BotId);
        await References.SaveAsync(new TeamsConversationReference(Tenant, $"19:{Guid.NewGuid():N}@thread.tacv2", "channel", _connector.ServiceUrl, TeamsActivities.BotId), member, default);

        await Messenger.SendDirectAsync(rep, CoachMessage.Plain("first nudge"), default);
        await Messenger.SendDirectAsync(rep, CoachMessage.Plain("second nudge"), default);

        var calls = _connector.CallsTo("POST");
        Assert.Equal(["/v3/conversations", $"/v3/conversations/a:proactive-1/activities", $"/v3/conversations/a:proactive-1/activities"], calls.Select(c => c.Path));
        var create = calls[0].Body!;
        Assert.Equal("29:seen-in-a-channel", create["members"]![0]!["id"]!.GetValue<string>());
        Assert.Equal(TeamsActivities.BotId, create["bot"]!["id"]!.GetValue<string>());
        Assert.Equal(Tenant, create["tenantId"]!.GetValue<string>());
        Assert.Equal(Tenant, create["channelData"]!["tenant"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task SomeoneNeverSeenInTeamsIsUnreachableWithoutAnyCall()
    {
        var stranger = new PersonKey(ChatPlatform.Teams, Tenant, "aad-never-seen");

        var failure = await Assert.ThrowsAsync<ChatDeliveryException>(() => Messenger.SendDirectAsync(stranger, CoachMessage.Plain("hi"), default));

        Assert.Equal((ChatFailureKind.Unreachable, "not-installed"), (failure.Kind, failure.Code));
        Assert.Empty(_connector.Calls);
    }

    [Fact]
    public async Task AChannelPostStartsAThreadThatRepliesAndUpdatesTarget()
    {
        var channel = $"19:{Guid.NewGuid():N}@thread.tacv2";
        await References.SaveAsync(new TeamsConversationReference(Tenant, channel, "channel", _connector.ServiceUrl, TeamsActivities.BotId, TeamId: channel), null, default);
        var address = new ChatAddress(ChatPlatform.Teams, Tenant, channel);

        var root = await Messenger.PostAsync(address, CoachMessage.Plain("Escalation E-7"), default);
        await Messenger.PostAsync(root.Conversation, CoachMessage.Plain("Acknowledged by Maria"), default);
        await Messenger.UpdateAsync(root, CoachMessage.Plain("Escalation E-7 (resolved)"), default);

        var posts = _connector.CallsTo("POST");
        Assert.Equal("/v3/conversations", posts[0].Path);
        Assert.True(posts[0].Body!["isGroup"]!.GetValue<bool>());
        Assert.Equal(channel, posts[0].Body!["channelData"]!["channel"]!["id"]!.GetValue<string>());
        Assert.Equal($"/v3/conversations/{channel};messageid={root.MessageId}/activities", posts[1].Path);
        Assert.Equal($"/v3/conversations/{channel}/activities/{root.MessageId}", Assert.Single(_connector.CallsTo("PUT")).Path);
    }

    [Fact]
    public async Task TeamsCannotReadDeliveriesBack()
    {
        Assert.False(Messenger.CanReconcile);
        await Assert.ThrowsAsync<NotSupportedException>(() =>
            Messenger.FindDeliveryAsync(new PersonKey(ChatPlatform.Teams, Tenant, "x"), Guid.NewGuid(), DateTimeOffset.UnixEpoch, default));
    }

    [Fact]
    public async Task ANudgeWithItsPrepaidSlotReservesNoConversationSlotWhileAnyOtherSendStillDoes()
    {
        var nudged = await StoreRepAsync();
        var chatted = await StoreRepAsync();

        await Messenger.SendDirectAsync(nudged, CoachMessage.Plain("nudge"), new RateSlot($"teams:{Tenant}", 50), default);

        await Messenger.SendDirectAsync(chatted, CoachMessage.Plain("reply"), default);

        Assert.Equal(2, _connector.CallsTo("POST").Count);
        Assert.False(await HasRateRowAsync($"teams:conversation:{Conversation(nudged)}"));
        Assert.True(await HasRateRowAsync($"teams:conversation:{Conversation(chatted)}"));
    }

    [Fact]
    public async Task A429ForANudgeItsBatchPrepaidIsHandedBackAtOnceForTheBatchToBackOff()
    {
        var rep = await StoreRepAsync();
        _connector.FailNext(429, "Throttled", retryAfter: TimeSpan.FromSeconds(1));

        var failure = await Assert.ThrowsAsync<ChatDeliveryException>(() =>
            Messenger.SendDirectAsync(rep, CoachMessage.Plain("nudge"), new RateSlot($"teams:{Tenant}", 50), default));

        Assert.Equal((ChatFailureKind.Retryable, TimeSpan.FromSeconds(1), false), (failure.Kind, failure.RetryAfter, failure.MayHaveArrived));
        Assert.Single(_connector.CallsTo("POST"));
        Assert.True(await HasRateRowAsync($"teams:{Tenant}"), "the tenant is still blocked for every instance");
    }

    [Fact]
    public async Task ARetryOfAPrepaidNudgeReservesTheTenantAndTheConversationAsUsual()
    {
        var rep = await StoreRepAsync();
        var tenantKey = $"teams:{Tenant}";
        await DeleteRateRowAsync(tenantKey);
        _connector.FailNext(503);

        await Messenger.SendDirectAsync(rep, CoachMessage.Plain("nudge"), new RateSlot(tenantKey, 50), default);

        Assert.Equal(2, _connector.CallsTo("POST").Count);
        Assert.True(await HasRateRowAsync($"teams:conversation:{Conversation(rep)}"), "the retry reserved the conversation");
        Assert.True(await HasRateRowAsync(tenantKey), "the retry reserved the tenant");
    }

    [Fact]
    public async Task APrepaidNudgeThatSucceedsAtOnceReservesNothingMore()
    {
        var rep = await StoreRepAsync();
        var tenantKey = $"teams:{Tenant}";
        await DeleteRateRowAsync(tenantKey);

        await Messenger.SendDirectAsync(rep, CoachMessage.Plain("nudge"), new RateSlot(tenantKey, 50), default);

        Assert.Single(_connector.CallsTo("POST"));
        Assert.False(await HasRateRowAsync(tenantKey), "the batch paid for the tenant slot; the client must not pay again");
        Assert.False(await HasRateRowAsync($"teams:conversation:{Conversation(rep)}"));
    }

    private async Task DeleteRateRowAsync(string key)
    {
        await using var command = database.DataSource.CreateCommand("delete from rate_gate where key = $1");
        command.Parameters.AddWithValue(key);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<bool> HasRateRowAsync(string key)
    {
        await using var command = database.DataSource.CreateCommand("select exists (select 1 from rate_gate where key = $1)");
        command.Parameters.AddWithValue(key);
        return (bool)(await command.ExecuteScalarAsync())!;
    }

    private async Task<PersonKey> StoreRepAsync()
    {
        var aad = $"aad-{Guid.NewGuid():N}";
        await References.SaveAsync(
            new TeamsConversationReference(Tenant, $"a:{aad}", "personal", _connector.ServiceUrl, TeamsActivities.BotId, $"29:{aad}", aad),
            new TeamsMember(Tenant, aad, $"29:{aad}", _connector.ServiceUrl, TeamsActivities.BotId),
            default);
        return new PersonKey(ChatPlatform.Teams, Tenant, aad);
    }

    private static string Conversation(PersonKey rep) => $"a:{rep.UserId}";
}
