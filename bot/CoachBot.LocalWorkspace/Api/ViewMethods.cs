using System.Text.Json.Nodes;
using CoachBot.LocalWorkspace.State;

namespace CoachBot.LocalWorkspace.Api;

internal static class ViewMethods
{
    private const int MaxViewBlocks = 100;

    public static JsonObject Publish(ApiArgs args, WorkspaceState state)
    {
        var user = args.String("user_id");
        if (user is null || state.Roster.Find(user) is null)
        {
            throw new ApiErrorException("user_not_found");
        }

        if (args.Json("view") is not JsonObject view || view["type"]?.GetValue<string>() != "home")
        {
            throw new ApiErrorException("invalid_arguments");
        }

        if (view["blocks"] is not JsonArray blocks || blocks.Count > MaxViewBlocks)
        {
            throw new ApiErrorException("invalid_blocks");
        }

        ChatMethods.AssignIds(blocks);
        var expectedHash = args.String("hash");
        if (expectedHash is not null && state.Homes.For(user)?["hash"]?.GetValue<string>() is { } current && current != expectedHash)
        {
            throw new ApiErrorException("hash_conflict");
        }

        return Api.Ok(new JsonObject { ["view"] = state.Homes.Publish(user, view, state.Ids) });
    }
}
