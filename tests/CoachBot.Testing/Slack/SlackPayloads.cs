using System.Text.Json.Nodes;

namespace CoachBot.Testing.Slack;

/// <summary>Builders for the payloads Slack sends, shaped like the real ones (slack-platform.md §3–§5).</summary>
public static class SlackPayloads
{
    public const string Team = FakeSlackServer.TeamId;

    public static string NewEventId() => $"Ev{Guid.NewGuid():N}"[..14];

    public static JsonObject EventCallback(JsonObject inner, string? eventId = null) => new()
    {
        ["token"] = "legacy-ignored",
        ["team_id"] = Team,
        ["api_app_id"] = "A0COACHBOT",
        ["type"] = "event_callback",
        ["event_id"] = eventId ?? NewEventId(),
        ["event_time"] = 1_772_442_000,
        ["event"] = inner,
    };

    public static JsonObject DirectMessage(string user, string text) => new()
    {
        ["type"] = "message", ["channel_type"] = "im", ["user"] = user, ["text"] = text,
        ["channel"] = FakeSlackServer.DirectChannel(user), ["ts"] = "1772442000.000100", ["client_msg_id"] = Guid.NewGuid().ToString(),
    };

    public static JsonObject AppMention(string user, string channel, string text) => new()
    {
        ["type"] = "app_mention", ["user"] = user, ["channel"] = channel, ["text"] = text, ["ts"] = "1772442000.000200",
    };

    public static JsonObject HomeOpened(string user, string tab = "home") => new()
    {
        ["type"] = "app_home_opened", ["user"] = user, ["channel"] = FakeSlackServer.DirectChannel(user), ["tab"] = tab,
    };

    public static JsonObject MemberJoined(string user, string channel) => new()
    {
        ["type"] = "member_joined_channel", ["user"] = user, ["channel"] = channel, ["channel_type"] = "C", ["team"] = Team,
    };

    public static JsonObject BlockActions(string user, string channel, string messageTs, string actionId, string value, string? actionTs = null, string? responseUrl = null) => new()
    {
        ["type"] = "block_actions",
        ["user"] = new JsonObject { ["id"] = user, ["team_id"] = Team },
        ["team"] = new JsonObject { ["id"] = Team },
        ["api_app_id"] = "A0COACHBOT",
        ["trigger_id"] = "1.2.3",
        ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = messageTs, ["channel_id"] = channel, ["is_ephemeral"] = false },
        ["channel"] = new JsonObject { ["id"] = channel },
        ["response_url"] = responseUrl,
        ["actions"] = new JsonArray(new JsonObject
        {
            ["type"] = "button", ["action_id"] = actionId, ["block_id"] = "b1", ["value"] = value,
            ["action_ts"] = actionTs ?? $"1772442000.{Random.Shared.Next(100000, 999999)}",
        }),
    };

    public static List<KeyValuePair<string, string>> Command(string user, string text, Uri responseUrl, string? triggerId = null, string channel = "C0GENERAL") =>
    [
        new("token", "legacy-ignored"), new("team_id", Team), new("team_domain", "fake"), new("channel_id", channel), new("channel_name", "general"),
        new("user_id", user), new("user_name", "ana"), new("command", "/coach"), new("text", text), new("api_app_id", "A0COACHBOT"),
        new("is_enterprise_install", "false"), new("response_url", responseUrl.ToString()), new("trigger_id", triggerId ?? $"{Guid.NewGuid():N}"),
    ];

    /// <summary>A slash command as Socket Mode carries it: the same fields as the HTTP form, as a JSON object of strings.</summary>
    public static JsonObject SocketCommand(string user, string text, Uri responseUrl, string? triggerId = null) =>
        new(Command(user, text, responseUrl, triggerId).Select(field => KeyValuePair.Create(field.Key, (JsonNode?)JsonValue.Create(field.Value))));
}
