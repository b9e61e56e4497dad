using System.Security.Cryptography;
using System.Text.Json.Nodes;
using CoachBot.LocalWorkspace.State;

namespace CoachBot.LocalWorkspace.Outbound;

/// <summary>Builds the payloads Slack sends to an app, field for field as the platform reference lists them.</summary>
public static class SlackPayloads
{
    public static JsonObject EventCallback(WorkspaceState state, JsonObject inner, DateTimeOffset now) => new()
    {
        ["token"] = "demo-legacy-verification-token",
        ["team_id"] = state.Ids.TeamId,
        ["context_team_id"] = state.Ids.TeamId,
        ["context_enterprise_id"] = null,
        ["api_app_id"] = state.Ids.AppId,
        ["event"] = inner,
        ["type"] = "event_callback",
        ["event_id"] = "Ev" + RandomId(10),
        ["event_time"] = now.ToUnixTimeSeconds(),
        ["authorizations"] = new JsonArray(new JsonObject
        {
            ["enterprise_id"] = null,
            ["team_id"] = state.Ids.TeamId,
            ["user_id"] = state.Ids.BotUserId,
            ["is_bot"] = true,
            ["is_enterprise_install"] = false,
        }),
        ["is_ext_shared_channel"] = false,
        ["event_context"] = "4-demo-" + RandomId(12),
    };

    public static JsonObject DirectMessage(WorkspaceState state, StoredMessage message) => new()
    {
        ["client_msg_id"] = Guid.NewGuid().ToString(),
        ["type"] = "message",
        ["text"] = message.Text,
        ["user"] = message.User,
        ["ts"] = message.Ts,
        ["team"] = state.Ids.TeamId,
        ["channel"] = message.Channel,
        ["event_ts"] = message.Ts,
        ["channel_type"] = "im",
    };

    public static JsonObject AppMention(WorkspaceState state, StoredMessage message) => new()
    {
        ["client_msg_id"] = Guid.NewGuid().ToString(),
        ["type"] = "app_mention",
        ["text"] = message.Text,
        ["user"] = message.User,
        ["ts"] = message.Ts,
        ["team"] = state.Ids.TeamId,
        ["channel"] = message.Channel,
        ["event_ts"] = message.Ts,
    };

    public static JsonObject AppHomeOpened(string user, string dmChannel, string tab, JsonObject? view, string eventTs)
    {
        var inner = new JsonObject { ["type"] = "app_home_opened", ["user"] = user, ["channel"] = dmChannel, ["tab"] = tab, ["event_ts"] = eventTs };
        if (view is not null && tab == "home")
        {
            inner["view"] = view;
        }

        return inner;
    }

    public static JsonObject MemberJoinedChannel(WorkspaceState state, string user, string channel, string? inviter, string eventTs)
    {
        var inner = new JsonObject
        {
            ["type"] = "member_joined_channel", ["user"] = user, ["channel"] = channel, ["channel_type"] = "G",
            ["team"] = state.Ids.TeamId, ["event_ts"] = eventTs,
        };
        if (inviter is not null)
        {
            inner["inviter"] = inviter;
        }

        return inner;
    }

    public static string TriggerId(DateTimeOffset now) => $"{now.ToUnixTimeSeconds()}.{RandomDigits(11)}.{RandomId(32).ToLowerInvariant()}";

    public static string RandomId(int length)
    {
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";
        return string.Create(length, alphabet, (span, chars) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = chars[RandomNumberGenerator.GetInt32(chars.Length)];
            }
        });
    }

    private static string RandomDigits(int length) => string.Concat(Enumerable.Range(0, length).Select(_ => RandomNumberGenerator.GetInt32(10)));
}
