using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CoachBot.Testing.Demo;

namespace CoachBot.IntegrationTests.Demo;

// Issue 12.14: a restarted local workspace keeps its history (CoachBot's database still knows those messages),
// or says plainly that it could not.
public sealed class LocalWorkspaceRestartTests : IDisposable
{
    private static readonly Uri NoCoachBot = new("http://127.0.0.1:9/");
    private readonly string _folder = Directory.CreateTempSubdirectory("coachbot-workspace-").FullName;

    private string StateFile => Path.Combine(_folder, "workspace-state.json");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task ARestartedWorkspaceShowsTheSameConversationsAndCanStillUpdateTheirMessages()
    {
        string ts;
        await using (var first = await LocalWorkspaceHost.StartAsync(NoCoachBot, stateFile: StateFile))
        {
            ts = (await first.CallAsync("chat.postMessage", new() { ["channel"] = "U0REPAVA", ["text"] = "Your nudge for today" }))["ts"]!.GetValue<string>();
            await first.CallAsync("chat.postMessage", new() { ["channel"] = "C0MANAGERS", ["text"] = "Escalation E-1" });
            await first.CallAsync("views.publish", new() { ["user_id"] = "U0REPAVA", ["view"] = new JsonObject { ["type"] = "home", ["blocks"] = new JsonArray() } });
        }

        await using var restarted = await LocalWorkspaceHost.StartAsync(NoCoachBot, stateFile: StateFile);
        var dm = await restarted.CallAsync("conversations.history", new() { ["channel"] = "D0REPAVA" });
        var channel = await restarted.CallAsync("conversations.history", new() { ["channel"] = "C0MANAGERS" });
        var updated = await restarted.CallAsync("chat.update", new() { ["channel"] = "D0REPAVA", ["ts"] = ts, ["text"] = "Marked done" });
        var later = await restarted.CallAsync("chat.postMessage", new() { ["channel"] = "U0REPAVA", ["text"] = "Next one" });
        using var http = new HttpClient { BaseAddress = restarted.BaseUrl };
        var screen = await http.GetFromJsonAsync<JsonObject>("ui/state?as=U0REPAVA");

        var message = Assert.Single(dm["messages"]!.AsArray())!;
        Assert.Equal(("Your nudge for today", ts), (message["text"]!.GetValue<string>(), message["ts"]!.GetValue<string>()));
        Assert.Equal("Escalation E-1", Assert.Single(channel["messages"]!.AsArray())!["text"]!.GetValue<string>());
        Assert.True(updated["ok"]!.GetValue<bool>());
        Assert.True(decimal.Parse(later["ts"]!.GetValue<string>()) > decimal.Parse(ts));
        Assert.Equal("home", screen!["home"]?["type"]?.GetValue<string>());
        Assert.Null(screen["notice"]);
    }

    [Fact]
    public async Task AnUnreadableHistoryIsSetAsideAndTheFirstScreenSaysItWasCleared()
    {
        await File.WriteAllTextAsync(StateFile, "{ not json");

        await using var workspace = await LocalWorkspaceHost.StartAsync(NoCoachBot, stateFile: StateFile);
        using var http = new HttpClient { BaseAddress = workspace.BaseUrl };
        var screen = await http.GetFromJsonAsync<JsonObject>("ui/state?as=U0REPAVA");

        Assert.StartsWith("The earlier workspace history could not be read, so this workspace starts empty", screen!["notice"]!.GetValue<string>());
        Assert.Single(Directory.GetFiles(_folder, "workspace-state.json.unreadable-*"));
    }
}
