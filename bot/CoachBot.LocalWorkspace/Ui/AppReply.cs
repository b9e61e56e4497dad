using System.Text.Json;
using System.Text.Json.Nodes;
using CoachBot.LocalWorkspace.Api;
using CoachBot.LocalWorkspace.State;

namespace CoachBot.LocalWorkspace.Ui;

/// <summary>
/// Applies an app's message reply, as sent to a response_url or as the body of a slash command ack:
/// ephemeral by default, in_channel on request, or replacing / deleting the message that was clicked.
/// </summary>
public static class AppReply
{
    public static string? Apply(WorkspaceState state, string channel, string user, string? originalTs, JsonObject reply)
    {
        var conversation = state.Resolve(channel);
        if (conversation is null)
        {
            return "channel_not_found";
        }

        var original = originalTs is null ? null : state.Find(channel, originalTs);
        if (reply["delete_original"]?.GetValueKind() == JsonValueKind.True)
        {
            if (original is not null)
            {
                state.Delete(original);
            }

            return null;
        }

        var text = reply["text"] is JsonValue t && t.TryGetValue<string>(out var s) ? s : null;
        JsonArray? blocks;
        try
        {
            blocks = reply["blocks"] is JsonArray b ? ChatMethods.AsBlocks(b.DeepClone()) : null;
        }
        catch (ApiErrorException ex)
        {
            return ex.Error;
        }

        if (string.IsNullOrEmpty(text) && blocks is null or [])
        {
            return "no_text";
        }

        if (reply["replace_original"]?.GetValueKind() == JsonValueKind.True && original is not null)
        {
            state.Replace(original, text, blocks, null);
            return null;
        }

        var inChannel = reply["response_type"]?.GetValue<string>() == "in_channel";
        state.Post(conversation, state.Ids.BotUserId, fromBot: true, text, blocks, ephemeralFor: inChannel ? null : user);
        return null;
    }

    public static void Slackbot(WorkspaceState state, Conversation conversation, string user, string text) =>
        state.Post(conversation, null, fromBot: false, text, null, ephemeralFor: user);
}
