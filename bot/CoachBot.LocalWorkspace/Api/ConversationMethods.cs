using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using CoachBot.LocalWorkspace.State;

namespace CoachBot.LocalWorkspace.Api;

internal static class ConversationMethods
{
    public static JsonObject Open(ApiArgs args, WorkspaceState state)
    {
        var users = (args.String("users") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (users.Length != 1)
        {
            // Group DMs are not part of the demo workspace.
            throw new ApiErrorException(users.Length == 0 ? "users_list_not_supplied" : "invalid_arguments");
        }

        var dm = state.Roster.Find(users[0]) is null ? null : state.Resolve(users[0]);
        if (dm is null)
        {
            throw new ApiErrorException("user_not_found");
        }

        var channel = new JsonObject { ["id"] = dm.Id };
        if (args.Flag("return_im"))
        {
            channel["is_im"] = true;
            channel["user"] = dm.ImUser;
            channel["created"] = 0;
        }

        return Api.Ok(new JsonObject { ["no_op"] = true, ["already_open"] = true, ["channel"] = channel });
    }

    public static JsonObject Members(ApiArgs args, WorkspaceState state)
    {
        var conversation = Visible(args, state);
        var (offset, limit) = Page(args);
        var members = state.Members(conversation);
        var page = members.Skip(offset).Take(limit).ToList();
        var next = offset + page.Count < members.Count ? Cursor(offset + page.Count) : "";
        return Api.Ok(new JsonObject
        {
            ["members"] = new JsonArray(page.Select(m => (JsonNode)m).ToArray()),
            ["response_metadata"] = new JsonObject { ["next_cursor"] = next },
        });
    }

    public static JsonObject History(ApiArgs args, WorkspaceState state)
    {
        var conversation = Visible(args, state);
        var (offset, limit) = Page(args);
        var inclusive = args.Flag("inclusive");
        var oldest = Ts(args.String("oldest")) ?? 0m;
        var latest = Ts(args.String("latest")) ?? decimal.MaxValue;
        var includeMetadata = args.Flag("include_all_metadata");
        var matching = state.Read(_ => conversation.Messages
            .Where(m => m.EphemeralFor is null)
            .Where(m => Ts(m.Ts) is { } ts && (inclusive ? ts >= oldest && ts <= latest : ts > oldest && ts < latest))
            .OrderByDescending(m => Ts(m.Ts))
            .Select(m => m.ToApiJson(state.Ids, includeMetadata))
            .ToList());
        var page = matching.Skip(offset).Take(limit).ToList();
        var hasMore = offset + page.Count < matching.Count;
        return Api.Ok(new JsonObject
        {
            ["messages"] = new JsonArray(page.Select(m => (JsonNode)m).ToArray()),
            ["has_more"] = hasMore,
            ["pin_count"] = 0,
            ["response_metadata"] = new JsonObject { ["next_cursor"] = hasMore ? Cursor(offset + page.Count) : "" },
        });
    }

    public static JsonObject Kick(ApiArgs args, WorkspaceState state)
    {
        var conversation = Visible(args, state);
        var user = args.String("user") ?? throw new ApiErrorException("user_not_found");
        if (conversation.Kind == ConversationKind.DirectMessage)
        {
            throw new ApiErrorException("method_not_supported_for_channel_type");
        }

        if (user == state.Ids.BotUserId)
        {
            throw new ApiErrorException("cant_kick_self");
        }

        if (!state.IsKnownUser(user))
        {
            throw new ApiErrorException("user_not_found");
        }

        return state.RemoveMember(conversation, user) ? Api.Ok() : Api.Error("not_in_channel");
    }

    // A private channel the bot is not in does not exist as far as the bot can tell.
    private static Conversation Visible(ApiArgs args, WorkspaceState state)
    {
        var id = args.Required("channel");
        var conversation = state.Read(conversations => conversations.GetValueOrDefault(id));
        return conversation is not null && state.IsMember(conversation, state.Ids.BotUserId)
            ? conversation
            : throw new ApiErrorException("channel_not_found");
    }

    private static (int Offset, int Limit) Page(ApiArgs args)
    {
        var limit = Math.Clamp(args.Int("limit") ?? 100, 1, 1000);
        var cursor = args.String("cursor");
        if (string.IsNullOrEmpty(cursor))
        {
            return (0, limit);
        }

        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
            return text.StartsWith("offset:", StringComparison.Ordinal) && int.TryParse(text[7..], out var offset) && offset >= 0
                ? (offset, limit)
                : throw new ApiErrorException("invalid_cursor");
        }
        catch (FormatException)
        {
            throw new ApiErrorException("invalid_cursor");
        }
    }

    private static string Cursor(int offset) => Convert.ToBase64String(Encoding.UTF8.GetBytes($"offset:{offset}"));

    private static decimal? Ts(string? ts) =>
        decimal.TryParse(ts, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) ? value : null;
}
