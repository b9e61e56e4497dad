using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace CoachBot.Testing.Teams;

/// <summary>
/// Drives the Microsoft 365 Agents Playground (npm @microsoft/m365agentsplayground, installed by
/// <c>cd deploy/teams/tools &amp;&amp; npm ci</c>) headless, through the routes its own web UI uses, and collects
/// everything the bot sends from its websocket.
/// </summary>
public sealed class AgentsPlayground : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ClientWebSocket _socket = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly HttpClient _http;
    private Task _reader = Task.CompletedTask;

    private AgentsPlayground(Process process, Uri baseUrl)
    {
        _process = process;
        _http = new HttpClient { BaseAddress = baseUrl };
    }

    public ConcurrentQueue<JsonNode> Pushed { get; } = new();

    public static string? CliPath => FindUp(Path.Combine("deploy", "teams", "tools", "node_modules", "@microsoft", "m365agentsplayground", "cli.js"));

    public static async Task<AgentsPlayground> StartAsync(Uri botEndpoint, int port)
    {
        var workDir = Directory.CreateTempSubdirectory("playground-").FullName;
        var start = new ProcessStartInfo("node", [CliPath!, "-e", botEndpoint.AbsoluteUri, "-c", "msteams", "--dt", "-p", port.ToString()])
        {
            WorkingDirectory = workDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["TEAMSAPPTESTER_BROWSER"] = "none"; // otherwise it tries to open a browser and exits
        var process = Process.Start(start)!;
        // When stdout is not a terminal it prints only "Listening on <port>"; a busy port is silently replaced.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        string? line;
        while ((line = await process.StandardOutput.ReadLineAsync(timeout.Token)) is not null && !line.StartsWith("Listening on ", StringComparison.Ordinal))
        {
        }

        var actualPort = int.Parse(line?["Listening on ".Length..] ?? throw new InvalidOperationException("The playground did not start."));
        var playground = new AgentsPlayground(process, new Uri($"http://127.0.0.1:{actualPort}/"));
        await playground._socket.ConnectAsync(new Uri($"ws://127.0.0.1:{actualPort}/_ws_conversation/v1/conversations/stream"), timeout.Token);
        playground._reader = playground.ReadAsync();
        return playground;
    }

    public async Task<JsonNode> GetWorldAsync() =>
        (await _http.GetFromJsonAsync<JsonNode>("_internal/v1/testConfig"))!["config"]!;

    public async Task InstallAsync(string conversationId) =>
        (await _http.PostAsJsonAsync($"_debug/conversation/{conversationId}/installation", new JsonObject())).EnsureSuccessStatusCode();

    public async Task SayAsync(string conversationId, string userId, string text) =>
        (await _http.PostAsJsonAsync($"_conversation/v1/conversations/{conversationId}/messages",
            new JsonObject { ["text"] = text, ["textFormat"] = "plain", ["from"] = new JsonObject { ["id"] = userId } })).EnsureSuccessStatusCode();

    /// <summary>
    /// Posts <paramref name="text"/> @mentioning the bot, as a person does in a channel or group chat (only mentions reach the
    /// bot there). A channel message starts a thread; its id ("&lt;channel&gt;;messageid=&lt;root&gt;") is returned.
    /// </summary>
    public async Task<string> MentionAsync(string conversationId, string userId, JsonNode bot, string text)
    {
        var tag = $"<at>{bot["name"]!.GetValue<string>()}</at>";
        var response = await _http.PostAsJsonAsync($"_conversation/v1/conversations/{conversationId}/messages", new JsonObject
        {
            ["text"] = $"{tag} {text}",
            ["textFormat"] = "plain",
            ["from"] = new JsonObject { ["id"] = userId },
            ["mentions"] = new JsonArray(new JsonObject { ["mentioned"] = new JsonObject { ["id"] = bot["id"]!.DeepClone() }, ["text"] = tag }),
        });
        response.EnsureSuccessStatusCode();
        var posted = (await response.Content.ReadFromJsonAsync<JsonNode>())!;
        return posted["postConversationId"]?.GetValue<string>() ?? conversationId;
    }

    /// <summary>Clicks an Action.Execute button on the card with id <paramref name="cardId"/>; returns the bot's invoke response.</summary>
    public async Task<JsonNode> ClickAsync(string conversationId, string userId, string cardId, JsonNode action)
    {
        var response = await _http.PostAsJsonAsync("_conversation/v1/invoke", new JsonObject
        {
            ["name"] = "adaptiveCard/action",
            ["conversation"] = new JsonObject { ["id"] = conversationId },
            ["replyToId"] = cardId,
            ["from"] = new JsonObject { ["id"] = userId },
            ["value"] = new JsonObject
            {
                ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = action["verb"]!.DeepClone(), ["data"] = action["data"]!.DeepClone() },
                ["trigger"] = "manual",
            },
        });
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"The playground refused the click: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        return (await response.Content.ReadFromJsonAsync<JsonNode>())!;
    }

    /// <summary>Waits (bounded, as a safety net only) until the bot has pushed a message matching <paramref name="match"/>.</summary>
    public async Task<JsonNode> WaitForAsync(Func<JsonNode, bool> match)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!timeout.IsCancellationRequested)
        {
            if (Pushed.FirstOrDefault(match) is { } found)
            {
                return found;
            }

            await Task.Delay(50, CancellationToken.None);
        }

        throw new TimeoutException($"The playground never showed the expected message. Seen: {string.Join("\n", Pushed.Select(p => p.ToJsonString()))}");
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        await _reader.ContinueWith(_ => { }, TaskScheduler.Default);
        _socket.Dispose();
        _http.Dispose();
        _process.Dispose();
    }

    private async Task ReadAsync()
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        while (!_stop.IsCancellationRequested && _socket.State == WebSocketState.Open)
        {
            var frame = await _socket.ReceiveAsync(buffer, _stop.Token);
            message.Write(buffer, 0, frame.Count);
            if (frame.EndOfMessage)
            {
                if (JsonNode.Parse(Encoding.UTF8.GetString(message.ToArray())) is { } node)
                {
                    Pushed.Enqueue(node);
                }

                message.SetLength(0);
            }
        }
    }

    private static string? FindUp(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
