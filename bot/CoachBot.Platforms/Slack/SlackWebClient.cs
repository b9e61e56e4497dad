using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using CoachBot.Coaching.Chat;
using CoachBot.Platforms.RateLimiting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachBot.Platforms.Slack;

/// <summary>
/// The Slack Web API calls CoachBot makes, over one typed HttpClient. Every call names its workspace: that keys the
/// shared pacing, and a workspace whose token stopped working is disabled instead of being called again.
/// </summary>
public sealed partial class SlackWebClient(
    HttpClient http, IOptions<SlackOptions> options, SharedRateGate gate, SlackWorkspaces workspaces, SlackInstallations installations,
    TimeProvider time, ILogger<SlackWebClient> logger)
{
    /// <summary>The metadata event type that stamps a message with CoachBot's delivery id (slack-platform.md §8).</summary>
    public const string DeliveryEventType = "coachbot_nudge";

    /// <summary>The bot's ids in <paramref name="teamId"/> (with that team's token), or in Slack:BotToken's workspace when null.</summary>
    public async Task<SlackIdentity> AuthTestAsync(string? teamId, CancellationToken cancellationToken)
    {
        var body = await CallFormAsync("auth.test", [], new CallPolicy(teamId), cancellationToken);
        return new SlackIdentity((string)body["team_id"]!, (string)body["user_id"]!, (string?)body["bot_id"] ?? "");
    }

    /// <summary>Posts to a channel, or to a person's DM when <paramref name="channel"/> is their user id. Never resent blindly: reconcile instead.</summary>
    public Task<SlackPosted> PostMessageAsync(string teamId, string channel, CoachMessage message, string? threadTs, CancellationToken cancellationToken) =>
        PostMessageAsync(teamId, channel, message, threadTs, prepaid: null, cancellationToken);

    /// <summary>As above; <paramref name="prepaid"/> is the post's slot when its batch already reserved it (a nudge).</summary>
    public async Task<SlackPosted> PostMessageAsync(
        string teamId, string channel, CoachMessage message, string? threadTs, RateSlot? prepaid, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var payload = MessagePayload(channel, message);
        payload["unfurl_links"] = false;
        payload["unfurl_media"] = false;
        if (threadTs is not null)
        {
            payload["thread_ts"] = threadTs;
        }

        var workspace = SlackRates.Post(settings, teamId);
        var conversation = SlackRates.Channel(settings, teamId, channel);
        var policy = new CallPolicy(teamId, Pace: ct => gate.PaceAsync(workspace, conversation, prepaid, ct), RateKey: workspace.Key, ResendIsSafe: false)
        {
            Prepaid = prepaid,
        };
        var body = await CallJsonAsync("chat.postMessage", payload, policy, cancellationToken);
        return new SlackPosted((string)body["channel"]!, (string)body["ts"]!);
    }

    public async Task<string> PostEphemeralAsync(string teamId, string channel, string userId, CoachMessage message, CancellationToken cancellationToken)
    {
        var payload = MessagePayload(channel, message);
        payload["user"] = userId;
        var body = await CallJsonAsync("chat.postEphemeral", payload, new CallPolicy(teamId), cancellationToken);
        return (string?)body["message_ts"] ?? "";
    }

    /// <summary>Replaces a message in place; <paramref name="channel"/> must be the real conversation id (D…, not U…).</summary>
    public Task UpdateMessageAsync(string teamId, string channel, string ts, CoachMessage message, CancellationToken cancellationToken)
    {
        var payload = MessagePayload(channel, message);
        payload["ts"] = ts;
        return CallJsonAsync("chat.update", payload, new CallPolicy(teamId), cancellationToken);
    }

    /// <summary>The D… id of an existing DM with <paramref name="userId"/>, or null if there is none (never creates one).</summary>
    public async Task<string?> FindDirectChannelAsync(string teamId, string userId, CancellationToken cancellationToken)
    {
        try
        {
            var body = await CallFormAsync("conversations.open", [new("users", userId), new("prevent_creation", "true")], new CallPolicy(teamId), cancellationToken);
            return (string?)body["channel"]?["id"];
        }
        catch (SlackApiException ex) when (ex.Error is "channel_not_found" or "user_not_found")
        {
            return null;
        }
    }

    public async Task<SlackUser> GetUserAsync(string teamId, string userId, CancellationToken cancellationToken)
    {
        var body = await CallFormAsync("users.info", [new("user", userId), new("include_locale", "true")], new CallPolicy(teamId), cancellationToken);
        return SlackUser.From(body["user"]!.AsObject());
    }

    public async Task<IReadOnlyList<string>> GetMembersAsync(string teamId, string channel, CancellationToken cancellationToken)
    {
        var members = new List<string>();
        var cursor = "";
        do
        {
            var body = await CallFormAsync("conversations.members", [new("channel", channel), new("limit", "200"), new("cursor", cursor)],
                new CallPolicy(teamId), cancellationToken);
            members.AddRange(body["members"]!.AsArray().Select(m => (string)m!));
            cursor = (string?)body["response_metadata"]?["next_cursor"] ?? "";
        }
        while (cursor.Length > 0);
        return members;
    }

    /// <summary>Messages in a conversation between two instants, newest first, with their metadata.</summary>
    public async IAsyncEnumerable<JsonObject> ReadHistoryAsync(
        string teamId, string channel, DateTimeOffset oldest, DateTimeOffset? latest, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var cursor = "";
        do
        {
            List<KeyValuePair<string, string>> form =
            [
                new("channel", channel), new("oldest", SlackTs(oldest)), new("include_all_metadata", "true"),
                new("inclusive", "true"), new("limit", "100"), new("cursor", cursor),
            ];
            if (latest is { } until)
            {
                form.Add(new("latest", SlackTs(until)));
            }

            var body = await CallFormAsync("conversations.history", form, new CallPolicy(teamId), cancellationToken);
            foreach (var message in body["messages"]!.AsArray())
            {
                yield return message!.AsObject();
            }

            cursor = (string?)body["response_metadata"]?["next_cursor"] ?? "";
        }
        while (cursor.Length > 0);
    }

    public Task KickAsync(string teamId, string channel, string userId, CancellationToken cancellationToken) =>
        CallJsonAsync("conversations.kick", new JsonObject { ["channel"] = channel, ["user"] = userId }, new CallPolicy(teamId), cancellationToken);

    public Task PublishHomeAsync(string teamId, string userId, CoachMessage home, CancellationToken cancellationToken) =>
        CallJsonAsync("views.publish", new JsonObject { ["user_id"] = userId, ["view"] = BlockKitRenderer.RenderHome(home) }, new CallPolicy(teamId), cancellationToken);

    /// <summary>Answers a slash command or button press through its response_url (5 uses within 30 minutes).</summary>
    public Task RespondAsync(string teamId, Uri responseUrl, CoachMessage message, bool inChannel, bool replaceOriginal, CancellationToken cancellationToken)
    {
        if (!IsTrustedResponseUrl(responseUrl))
        {
            throw new SlackApiException("response_url", "untrusted_response_url", SlackErrorClass.Permanent);
        }

        var payload = new JsonObject
        {
            ["text"] = BlockKitRenderer.FallbackText(message),
            ["blocks"] = BlockKitRenderer.RenderBlocks(message),
            ["response_type"] = inChannel ? "in_channel" : "ephemeral",
            ["replace_original"] = replaceOriginal,
            ["delete_original"] = false,
        };
        return CallJsonAsync("response_url", payload, new CallPolicy(teamId) { ResponseUrl = responseUrl }, cancellationToken);
    }

    // Only Slack's hooks host, or the configured API host (a test fake or local emulator), may receive our answers.
    private bool IsTrustedResponseUrl(Uri url) =>
        url.IsAbsoluteUri && (
            (url.Scheme == Uri.UriSchemeHttps && url.Host.Equals("hooks.slack.com", StringComparison.OrdinalIgnoreCase))
            || Uri.Compare(url, options.Value.ApiBaseUrl, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0);

    private static JsonObject MessagePayload(string channel, CoachMessage message)
    {
        var payload = new JsonObject
        {
            ["channel"] = channel,
            ["text"] = BlockKitRenderer.FallbackText(message),
            ["blocks"] = BlockKitRenderer.RenderBlocks(message),
        };
        if (message.DeliveryId is { } deliveryId)
        {
            payload["metadata"] = new JsonObject
            {
                ["event_type"] = DeliveryEventType,
                ["event_payload"] = new JsonObject { ["delivery_id"] = deliveryId.ToString("D") },
            };
        }

        return payload;
    }

    private static string SlackTs(DateTimeOffset at) =>
        (at.ToUnixTimeMilliseconds() / 1000m).ToString("0.000000", CultureInfo.InvariantCulture);
}
