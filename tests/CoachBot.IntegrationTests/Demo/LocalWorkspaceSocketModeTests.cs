using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CoachBot.Testing;

namespace CoachBot.IntegrationTests.Demo;

// run.sh with COACHBOT_SLACK_MODE=socket: the local workspace hands CoachBot a Socket Mode URL and everything a person
// does reaches CoachBot as envelopes over that socket, answered as over HTTP.
public sealed class LocalWorkspaceSocketModeTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private const string Rep = "U0REPAVA";

    [Fact]
    public async Task ARepsMessageAndSlashCommandTravelOverTheSocketAndAreAnswered()
    {
        await using var cluster = await DemoCluster.StartAsync(database, socketMode: true);
        using var http = new HttpClient { BaseAddress = cluster.Workspace.BaseUrl };
        await WaitForAsync(http, state => state["log"]!.AsArray().Any(e => (string?)e?["what"] == "apps.connections.open"), "CoachBot asked for a socket URL");

        await SendAsync(http, "/coach help");
        var afterCommand = await WaitForAsync(http, state => BotTexts(state).Any(t => t.Contains("Here's what I understand", StringComparison.Ordinal)), "the /coach help answer");
        await SendAsync(http, "hello coach");
        var afterMessage = await WaitForAsync(http, state => BotTexts(state).Count() > BotTexts(afterCommand).Count(), "an answer to the DM");

        var sent = afterMessage["log"]!.AsArray().Where(e => (string?)e?["direction"] == "out").Select(e => (string?)e?["what"]).ToList();
        Assert.Contains("command /coach (socket)", sent);
        Assert.Contains("event message.im (socket)", sent);
        Assert.All(afterMessage["log"]!.AsArray().Where(e => ((string?)e?["what"])?.EndsWith("(socket)", StringComparison.Ordinal) == true),
            e => Assert.Equal("acked", (string?)e?["outcome"]));
    }

    private static Task SendAsync(HttpClient http, string text) =>
        http.PostAsJsonAsync("ui/messages", new { As = Rep, Channel = "D0REPAVA", Text = text });

    private static IEnumerable<string> BotTexts(JsonNode state) =>
        state["conversations"]!.AsArray().Where(c => (string?)c?["id"] == "D0REPAVA").SelectMany(c => c!["messages"]!.AsArray())
            .Where(m => (bool?)m?["fromBot"] == true).Select(m => (string?)m?["text"] ?? "");

    private static async Task<JsonNode> WaitForAsync(HttpClient http, Func<JsonNode, bool> condition, string what)
    {
        JsonNode state = new JsonObject();
        for (var i = 0; i < 600; i++)
        {
            state = JsonNode.Parse(await http.GetStringAsync($"ui/state?as={Rep}"))!;
            if (condition(state))
            {
                return state;
            }

            await Task.Delay(100);
        }

        throw new Xunit.Sdk.XunitException($"Timed out waiting for {what}: {state.ToJsonString()[..Math.Min(3000, state.ToJsonString().Length)]}");
    }
}
