using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using CoachBot.LocalWorkspace.Outbound;
using CoachBot.LocalWorkspace.State;
using Microsoft.Extensions.Options;

namespace CoachBot.LocalWorkspace.Api;

/// <summary>The fake Web API under /api/{method}: Slack's envelopes ({ok:true,…} / {ok:false,error}), HTTP 200 either way.</summary>
public static class SlackWebApiEndpoints
{
    private delegate JsonObject Method(ApiArgs args, WorkspaceState state);

    private static readonly Dictionary<string, Method> Methods = new(StringComparer.Ordinal)
    {
        ["chat.postMessage"] = ChatMethods.PostMessage,
        ["chat.postEphemeral"] = ChatMethods.PostEphemeral,
        ["chat.update"] = ChatMethods.Update,
        ["users.info"] = UserMethods.Info,
        ["users.lookupByEmail"] = UserMethods.LookupByEmail,
        ["conversations.open"] = ConversationMethods.Open,
        ["conversations.members"] = ConversationMethods.Members,
        ["conversations.history"] = ConversationMethods.History,
        ["conversations.kick"] = ConversationMethods.Kick,
        ["views.publish"] = ViewMethods.Publish,
    };

    public static IEndpointRouteBuilder MapSlackWebApi(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/api/{method}", ["GET", "POST"], HandleAsync).DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> HandleAsync(
        string method, HttpRequest request, WorkspaceState state, SelfUrl self, IOptions<WorkspaceOptions> options, WorkspaceClock clock, CoachBotClient coachBot)
    {
        var args = await ApiArgs.ReadAsync(request);
        if (args is null)
        {
            return Reply(state, method, Api.Error("invalid_json"));
        }

        // Slack ignores a token inside a JSON body: JSON callers must use the Authorization header.
        var token = args.BearerToken ?? (args.IsJson ? null : args.FormToken);
        if (string.IsNullOrEmpty(token))
        {
            return Reply(state, method, Api.Error("not_authed"));
        }

        if (!SameToken(token, options.Value.BotToken))
        {
            return Reply(state, method, Api.Error("invalid_auth"));
        }

        if (clock.IsMoving)
        {
            await coachBot.FollowDemoClockAsync();
        }

        JsonObject result;
        try
        {
            result = method == "auth.test" ? AuthTest(state, self)
                : Methods.TryGetValue(method, out var handler) ? handler(args, state)
                : Api.Error("unknown_method");
        }
        catch (ApiErrorException ex)
        {
            result = Api.Error(ex.Error);
        }

        if (args.JsonMissingCharset && result["ok"]?.GetValue<bool>() == true)
        {
            result["warning"] = "missing_charset";
            result["response_metadata"] = new JsonObject { ["warnings"] = new JsonArray("missing_charset") };
        }

        return Reply(state, method, result);
    }

    private static IResult Reply(WorkspaceState state, string method, JsonObject result)
    {
        state.Log.Add("in", method, result["ok"]?.GetValue<bool>() == true ? "ok" : $"error: {result["error"]}");
        return Results.Text(result.ToJsonString(), "application/json; charset=utf-8");
    }

    private static JsonObject AuthTest(WorkspaceState state, SelfUrl self) => Api.Ok(new JsonObject
    {
        ["url"] = self.Value.ToString(),
        ["team"] = state.Roster.TeamName,
        ["user"] = state.Roster.Bot.Name.ToLowerInvariant(),
        ["team_id"] = state.Ids.TeamId,
        ["user_id"] = state.Ids.BotUserId,
        ["bot_id"] = state.Ids.BotId,
        ["is_enterprise_install"] = false,
    });

    private static bool SameToken(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
