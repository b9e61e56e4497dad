using System.Globalization;
using System.Text.Json.Nodes;
using CoachBot.LocalWorkspace.Roster;
using CoachBot.LocalWorkspace.State;

namespace CoachBot.LocalWorkspace.Outbound;

/// <summary>The block_actions payload for a button click, from the stored message (the browser only names the button).</summary>
public static class BlockActionsPayload
{
    public static (JsonObject Block, JsonObject Button)? FindButton(JsonArray? blocks, string blockId, string actionId)
    {
        var block = blocks?.OfType<JsonObject>().FirstOrDefault(b => b["block_id"]?.GetValue<string>() == blockId);
        var candidates = (block?["elements"] as JsonArray ?? []).OfType<JsonObject>().Append(block?["accessory"] as JsonObject).OfType<JsonObject>();
        var button = candidates.FirstOrDefault(e => e["type"]?.GetValue<string>() == "button" && e["action_id"]?.GetValue<string>() == actionId);
        return block is null || button is null ? null : (block, button);
    }

    public static JsonObject ForMessage(WorkspaceState state, DemoPerson user, Conversation conversation, StoredMessage message,
        JsonObject block, JsonObject button, Uri responseUrl, DateTimeOffset now)
    {
        var payload = Common(state, user, block, button, now);
        var ephemeral = message.EphemeralFor is not null;
        payload["container"] = new JsonObject
        {
            ["type"] = "message", ["message_ts"] = message.Ts, ["channel_id"] = conversation.Id, ["is_ephemeral"] = ephemeral,
        };
        payload["channel"] = new JsonObject
        {
            ["id"] = conversation.Id,
            ["name"] = conversation.Kind == ConversationKind.DirectMessage ? "directmessage" : conversation.Name,
        };

        // Slack leaves the original message out when the clicked message was ephemeral.
        if (!ephemeral)
        {
            payload["message"] = message.ToApiJson(state.Ids, includeMetadata: false);
        }

        payload["response_url"] = responseUrl.ToString();
        return payload;
    }

    public static JsonObject ForHome(WorkspaceState state, DemoPerson user, JsonObject view, JsonObject block, JsonObject button, DateTimeOffset now)
    {
        var payload = Common(state, user, block, button, now);
        payload["container"] = new JsonObject { ["type"] = "view", ["view_id"] = view["id"]?.DeepClone() };
        payload["view"] = view;
        return payload;
    }

    private static JsonObject Common(WorkspaceState state, DemoPerson user, JsonObject block, JsonObject button, DateTimeOffset now)
    {
        var action = new JsonObject
        {
            ["action_id"] = button["action_id"]?.DeepClone(),
            ["block_id"] = block["block_id"]?.DeepClone(),
            ["text"] = button["text"]?.DeepClone(),
            ["type"] = "button",
            ["action_ts"] = (now.ToUnixTimeMilliseconds() / 1000m).ToString("0.000000", CultureInfo.InvariantCulture),
        };
        if (button["value"] is { } value)
        {
            action["value"] = value.DeepClone();
        }

        if (button["style"] is { } style)
        {
            action["style"] = style.DeepClone();
        }

        return new JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = new JsonObject { ["id"] = user.UserId, ["username"] = user.Handle, ["name"] = user.Handle, ["team_id"] = state.Ids.TeamId },
            ["api_app_id"] = state.Ids.AppId,
            ["token"] = "demo-legacy-verification-token",
            ["trigger_id"] = SlackPayloads.TriggerId(now),
            ["team"] = new JsonObject { ["id"] = state.Ids.TeamId, ["domain"] = state.Roster.TeamDomain },
            ["enterprise"] = null,
            ["is_enterprise_install"] = false,
            ["state"] = new JsonObject { ["values"] = new JsonObject() },
            ["actions"] = new JsonArray(action),
        };
    }
}
