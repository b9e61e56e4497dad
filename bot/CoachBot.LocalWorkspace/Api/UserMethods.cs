using System.Text.Json.Nodes;
using CoachBot.LocalWorkspace.Roster;
using CoachBot.LocalWorkspace.State;

namespace CoachBot.LocalWorkspace.Api;

internal static class UserMethods
{
    public static JsonObject Info(ApiArgs args, WorkspaceState state)
    {
        var id = args.String("user");
        if (id == state.Ids.BotUserId)
        {
            return Api.Ok(new JsonObject { ["user"] = BotJson(state) });
        }

        var person = id is null ? null : state.Roster.Find(id);
        return person is null ? Api.Error("user_not_found") : Api.Ok(new JsonObject { ["user"] = UserJson(person, state) });
    }

    public static JsonObject LookupByEmail(ApiArgs args, WorkspaceState state)
    {
        var email = args.String("email");
        var person = state.Roster.People.FirstOrDefault(p => string.Equals(p.Email, email, StringComparison.OrdinalIgnoreCase));
        return person is null ? Api.Error("users_not_found") : Api.Ok(new JsonObject { ["user"] = UserJson(person, state) });
    }

    private static JsonObject UserJson(DemoPerson person, WorkspaceState state)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(person.TimeZone);
        var now = state.Now;
        return new JsonObject
        {
            ["id"] = person.UserId,
            ["team_id"] = state.Ids.TeamId,
            ["name"] = person.Handle,
            ["real_name"] = person.Name,
            ["deleted"] = false,
            ["is_bot"] = false,
            ["is_admin"] = false,
            ["is_owner"] = false,
            ["is_restricted"] = false,
            ["is_ultra_restricted"] = false,
            ["tz"] = person.TimeZone,
            ["tz_label"] = zone.IsDaylightSavingTime(now) ? zone.DaylightName : zone.StandardName,
            ["tz_offset"] = (int)zone.GetUtcOffset(now).TotalSeconds,
            ["locale"] = "en-US",
            ["profile"] = new JsonObject
            {
                ["email"] = person.Email,
                ["display_name"] = person.Name.Split(' ')[0],
                ["real_name"] = person.Name,
                ["title"] = person.Title,
            },
        };
    }

    private static JsonObject BotJson(WorkspaceState state) => new()
    {
        ["id"] = state.Ids.BotUserId,
        ["team_id"] = state.Ids.TeamId,
        ["name"] = state.Roster.Bot.Name.ToLowerInvariant(),
        ["real_name"] = state.Roster.Bot.Name,
        ["deleted"] = false,
        ["is_bot"] = true,
        ["tz"] = "UTC",
        ["profile"] = new JsonObject { ["bot_id"] = state.Ids.BotId, ["real_name"] = state.Roster.Bot.Name, ["display_name"] = state.Roster.Bot.Name },
    };
}
