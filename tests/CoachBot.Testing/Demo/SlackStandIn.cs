using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoachBot.Testing.Demo;

/// <summary>
/// A loopback stand-in for CoachBot's three Slack endpoints. It checks every request's v0 signature independently of
/// the emulator's signer, records what arrived, and lets a test answer like an app would (ack body, Web API calls).
/// </summary>
public sealed class SlackStandIn : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _signingSecret;
    private readonly ConcurrentQueue<SlackDelivery> _received = new();
    private readonly SemaphoreSlim _arrived = new(0);

    private SlackStandIn(WebApplication app, string signingSecret)
    {
        _app = app;
        _signingSecret = signingSecret;
    }

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Answers each slash command with this body (JSON), or an empty 200 when null.</summary>
    public Func<SlackDelivery, Task<string?>>? OnCommand { get; set; }

    public Func<SlackDelivery, Task>? OnEvent { get; set; }

    public Func<SlackDelivery, Task>? OnInteraction { get; set; }

    public IReadOnlyCollection<SlackDelivery> Received => _received.ToArray();

    /// <summary>When set, the stand-in plays CoachBot in demo mode: GET /demo/clock reports this offset and
    /// signature freshness is judged against the moved clock, as CoachBot's verifier does with its TimeProvider.</summary>
    public long? DemoOffsetMinutes { get; set; }

    public static async Task<SlackStandIn> StartAsync(string signingSecret)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        var standIn = new SlackStandIn(app, signingSecret);
        app.MapPost("/slack/{kind}", standIn.HandleAsync);
        app.MapGet("/demo/clock", () => standIn.DemoOffsetMinutes is { } offset
            ? Results.Json(new { now = DateTimeOffset.UtcNow.AddMinutes(offset), offsetMinutes = offset })
            : Results.NotFound());
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        standIn.BaseUrl = new Uri(address.TrimEnd('/') + "/");
        return standIn;
    }

    /// <summary>Waits for the next matching request (generous timeout: the browser drives it).</summary>
    public async Task<SlackDelivery> WaitForAsync(Func<SlackDelivery, bool> match, string description)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            if (_received.FirstOrDefault(match) is { } found)
            {
                return found;
            }

            try
            {
                await _arrived.WaitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"No request to the stand-in matched: {description}. Received: {string.Join(", ", _received.Select(r => r.Kind))}");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task<IResult> HandleAsync(string kind, HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        var body = buffer.ToArray();
        var timestamp = request.Headers["X-Slack-Request-Timestamp"].ToString();
        var signature = request.Headers["X-Slack-Signature"].ToString();
        var delivery = new SlackDelivery(kind, request.ContentType ?? "", Encoding.UTF8.GetString(body), IsSignedCorrectly(timestamp, signature, body), timestamp);
        var reply = kind switch
        {
            "commands" when OnCommand is not null => await OnCommand(delivery),
            _ => null,
        };
        _received.Enqueue(delivery);
        _arrived.Release();
        if (!delivery.SignatureValid)
        {
            return Results.Unauthorized();
        }

        await (kind switch
        {
            "events" when OnEvent is not null => OnEvent(delivery),
            "interactions" when OnInteraction is not null => OnInteraction(delivery),
            _ => Task.CompletedTask,
        });
        return reply is null ? Results.Ok() : Results.Text(reply, "application/json");
    }

    private bool IsSignedCorrectly(string timestamp, string signature, byte[] body)
    {
        var now = DateTimeOffset.UtcNow.AddMinutes(DemoOffsetMinutes ?? 0).ToUnixTimeSeconds();
        if (!long.TryParse(timestamp, out var seconds) || Math.Abs(now - seconds) > 300)
        {
            return false;
        }

        var expected = "v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(
            Encoding.UTF8.GetBytes(_signingSecret), (byte[])[.. Encoding.UTF8.GetBytes($"v0:{timestamp}:"), .. body]));
        var given = Encoding.UTF8.GetBytes(signature);
        var wanted = Encoding.UTF8.GetBytes(expected);
        return given.Length == wanted.Length && CryptographicOperations.FixedTimeEquals(given, wanted);
    }
}

/// <summary>One request the stand-in received: its kind (events, commands, interactions), raw body and signature check.</summary>
public sealed record SlackDelivery(string Kind, string ContentType, string Body, bool SignatureValid, string Timestamp)
{
    public JsonObject Json => JsonNode.Parse(Body)!.AsObject();

    public Dictionary<string, string> Form => QueryHelpers.ParseQuery(Body).ToDictionary(p => p.Key, p => p.Value.ToString());

    public JsonObject Payload => JsonNode.Parse(Form["payload"])!.AsObject();
}
