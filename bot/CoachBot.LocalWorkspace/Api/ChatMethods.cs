using System.Text.Json.Nodes;
using CoachBot.LocalWorkspace.State;

namespace CoachBot.LocalWorkspace.Api;

internal static class ChatMethods
{
    private const int MaxBlocks = 50;
    private const int MaxTextLength = 40_000;

    public static JsonObject PostMessage(ApiArgs args, WorkspaceState state)
    {
        var conversation = state.Resolve(args.Required("channel")) ?? throw new ApiErrorException("channel_not_found");
        if (!state.IsMember(conversation, state.Ids.BotUserId))
        {
            throw new ApiErrorException("not_in_channel");
        }

        var (text, blocks) = Content(args);
        var message = state.Post(conversation, state.Ids.BotUserId, fromBot: true, text, blocks, Metadata(args), threadTs: args.String("thread_ts"));
        return Api.Ok(new JsonObject
        {
            ["channel"] = conversation.Id,
            ["ts"] = message.Ts,
            ["message"] = message.ToApiJson(state.Ids, includeMetadata: false),
        });
    }

    public static JsonObject PostEphemeral(ApiArgs args, WorkspaceState state)
    {
        var conversation = state.Resolve(args.Required("channel")) ?? throw new ApiErrorException("channel_not_found");
        var user = args.String("user") ?? throw new ApiErrorException("user_not_found");
        if (!state.IsKnownUser(user))
        {
            throw new ApiErrorException("user_not_found");
        }

        if (!state.IsMember(conversation, user))
        {
            throw new ApiErrorException("user_not_in_channel");
        }

        var (text, blocks) = Content(args);
        var message = state.Post(conversation, state.Ids.BotUserId, fromBot: true, text, blocks, ephemeralFor: user, threadTs: args.String("thread_ts"));
        return Api.Ok(new JsonObject { ["message_ts"] = message.Ts });
    }

    public static JsonObject Update(ApiArgs args, WorkspaceState state)
    {
        // chat.update needs the conversation id itself: for DMs the D… id, never a user id.
        var channel = args.Required("channel");
        var ts = args.String("ts") ?? throw new ApiErrorException("message_not_found");
        if (state.Read(conversations => conversations.ContainsKey(channel)) is false)
        {
            throw new ApiErrorException("channel_not_found");
        }

        var message = state.Find(channel, ts) ?? throw new ApiErrorException("message_not_found");
        if (!message.FromBot || message.EphemeralFor is not null)
        {
            throw new ApiErrorException("cant_update_message");
        }

        var text = args.String("text");
        var blocks = args.Json("blocks") is { } node ? AsBlocks(node) : message.Blocks;
        if (string.IsNullOrEmpty(text) && blocks is null or [])
        {
            throw new ApiErrorException("no_text");
        }

        state.Replace(message, text, blocks, Metadata(args));
        return Api.Ok(new JsonObject
        {
            ["channel"] = channel,
            ["ts"] = ts,
            ["text"] = text ?? "",
            ["message"] = message.ToApiJson(state.Ids, includeMetadata: false),
        });
    }

    public static (string? Text, JsonArray? Blocks) Content(ApiArgs args)
    {
        var text = args.String("text");
        var blocks = args.Json("blocks") is { } node ? AsBlocks(node) : null;
        if (string.IsNullOrEmpty(text) && blocks is null or [])
        {
            throw new ApiErrorException("no_text");
        }

        return text?.Length > MaxTextLength ? throw new ApiErrorException("msg_too_long") : (text, blocks);
    }

    public static JsonArray AsBlocks(JsonNode node)
    {
        if (node is not JsonArray blocks || blocks.Count > MaxBlocks || blocks.Any(b => b is not JsonObject { } o || o["type"] is null))
        {
            throw new ApiErrorException("invalid_blocks");
        }

        AssignIds(blocks);
        return blocks;
    }

    // Slack fills in block_id and action_id when the app leaves them out; clicks must carry them back.
    public static void AssignIds(JsonArray blocks)
    {
        foreach (var block in blocks.OfType<JsonObject>())
        {
            block["block_id"] ??= Outbound.SlackPayloads.RandomId(5);
            var elements = block["elements"] as JsonArray ?? [];
            foreach (var element in elements.OfType<JsonObject>().Append(block["accessory"] as JsonObject).OfType<JsonObject>())
            {
                if (element["type"]?.GetValue<string>() == "button")
                {
                    element["action_id"] ??= Outbound.SlackPayloads.RandomId(5);
                }
            }
        }
    }

    private static JsonObject? Metadata(ApiArgs args) => args.Json("metadata") switch
    {
        null => null,
        JsonObject { } metadata when metadata["event_type"] is JsonValue && metadata["event_payload"] is JsonObject => metadata,
        _ => throw new ApiErrorException("invalid_metadata_format"),
    };
}
