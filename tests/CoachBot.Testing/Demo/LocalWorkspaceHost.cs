using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using CoachBot.LocalWorkspace;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Testing.Demo;

/// <summary>The local Slack workspace running in-process on a loopback port, with a Web API client holding its bot token.</summary>
public sealed class LocalWorkspaceHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _http = new();

    private LocalWorkspaceHost(WebApplication app, string signingSecret, string botToken)
    {
        _app = app;
        SigningSecret = signingSecret;
        BotToken = botToken;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseUrl = new Uri(address.TrimEnd('/') + "/");
    }

    public Uri BaseUrl { get; }
    public string SigningSecret { get; }
    public string BotToken { get; }

    /// <summary>Starts a workspace whose outbound traffic goes to <paramref name="coachBotUrl"/>, signed with a fresh secret.</summary>
    public static async Task<LocalWorkspaceHost> StartAsync(
        Uri coachBotUrl, string? signingSecret = null, string? botToken = null, int port = 0, string? stateFile = null, string? appToken = null,
        (string ClientId, string ClientSecret)? signInClient = null)
    {
        signingSecret ??= Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());
        botToken ??= $"xoxb-test-{Guid.NewGuid():N}";
        string[] args = [
            "--Urls", $"http://127.0.0.1:{port}",
            "--Workspace:SigningSecret", signingSecret,
            "--Workspace:BotToken", botToken,
            "--Workspace:CoachBotUrl", coachBotUrl.ToString(),
            "--Logging:LogLevel:Default", "Warning",
        ];
        if (appToken is not null)
        {
            args = [.. args, "--Workspace:AppToken", appToken];
        }

        if (signInClient is { } client)
        {
            args = [.. args, "--Workspace:SignInClientId", client.ClientId, "--Workspace:SignInClientSecret", client.ClientSecret];
        }

        var app = WorkspaceApp.Build(stateFile is null ? args : [.. args, "--Workspace:StateFile", stateFile]);
        await app.StartAsync();
        return new LocalWorkspaceHost(app, signingSecret, botToken);
    }

    /// <summary>A free loopback port, for when CoachBot must know the workspace's address before the workspace starts.</summary>
    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Calls the fake Web API the way CoachBot's client does: JSON body, bearer token.</summary>
    public async Task<JsonObject> CallAsync(string method, JsonObject arguments, string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(BaseUrl, $"api/{method}"))
        {
            Content = new StringContent(arguments.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token ?? BotToken);
        using var response = await _http.SendAsync(request);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    /// <summary>Calls the fake Web API with a form body, the token as a form field (as Slack also accepts).</summary>
    public async Task<JsonObject> CallFormAsync(string method, IDictionary<string, string> fields)
    {
        using var response = await _http.PostAsync(new Uri(BaseUrl, $"api/{method}"), new FormUrlEncodedContent(fields));
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    public async Task<HttpResponseMessage> PostJsonAsync(Uri url, JsonObject body) =>
        await _http.PostAsync(url, new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
