using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace CoachBot.LocalWorkspace.Outbound;

/// <summary>
/// Socket Mode as Slack serves it, when Workspace:AppToken is set: apps.connections.open hands CoachBot a single-use
/// ws:// URL, CoachBot connects, and events, commands and clicks go to it as envelopes instead of signed HTTP posts. The
/// ack (with its payload, for a command) stands in for the HTTP response, under the same 3 s deadline.
/// </summary>
public sealed class SocketModeLink(IOptions<WorkspaceOptions> options)
{
    private readonly ConcurrentDictionary<string, byte> _tickets = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<JsonObject>> _waiting = new();
    private readonly SemaphoreSlim _sending = new(1, 1);
    private volatile WebSocket? _current;

    public bool Enabled => !string.IsNullOrEmpty(options.Value.AppToken);

    public async Task<Delivery> SendAsync(string type, JsonObject payload, bool acceptsResponsePayload)
    {
        if (_current is not { State: WebSocketState.Open } socket)
        {
            return new Delivery(null, null, "", "socket_not_connected");
        }

        var id = Guid.NewGuid().ToString();
        var ack = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiting[id] = ack;
        try
        {
            var envelope = new JsonObject
            {
                ["envelope_id"] = id, ["type"] = type, ["payload"] = payload, ["accepts_response_payload"] = acceptsResponsePayload,
                ["retry_attempt"] = 0, ["retry_reason"] = "",
            };
            await SendAsync(socket, envelope);
            var answer = await ack.Task.WaitAsync(TimeSpan.FromSeconds(options.Value.AckTimeoutSeconds));
            return answer["payload"] is JsonObject body
                ? new Delivery(200, "application/json", body.ToJsonString(), null)
                : new Delivery(200, null, "", null);
        }
        catch (Exception ex) when (ex is TimeoutException or WebSocketException)
        {
            return new Delivery(null, null, "", ex is TimeoutException ? "operation_timeout" : "dispatch_failed");
        }
        finally
        {
            _waiting.TryRemove(id, out _);
        }
    }

    /// <summary>A fresh single-use URL for the app token's holder, or the error Slack answers.</summary>
    public (string? Url, string? Error) Open(HttpRequest request)
    {
        if (!Enabled || !SameToken(request.Headers.Authorization.ToString(), $"Bearer {options.Value.AppToken}"))
        {
            return (null, "invalid_auth");
        }

        var ticket = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        _tickets[ticket] = 0;
        return ($"ws://{request.Host}/link/?ticket={ticket}", null);
    }

    public async Task AcceptAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest || !_tickets.TryRemove(context.Request.Query["ticket"].ToString(), out _))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var previous = _current;
        _current = socket;
        await SendAsync(socket, new JsonObject { ["type"] = "hello", ["num_connections"] = 1, ["connection_info"] = new JsonObject { ["app_id"] = "A0LOCAL" } });
        if (previous is { State: WebSocketState.Open })
        {
            // The newer connection takes over, as after Slack's refresh_requested.
            await SendAsync(previous, new JsonObject { ["type"] = "disconnect", ["reason"] = "refresh_requested" });
        }

        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer, context.RequestAborted);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
                    return;
                }

                if (JsonNode.Parse(Encoding.UTF8.GetString(buffer, 0, result.Count)) is JsonObject ack
                    && ack["envelope_id"]?.GetValue<string>() is { } id && _waiting.TryGetValue(id, out var waiting))
                {
                    waiting.TrySetResult(ack);
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or System.Text.Json.JsonException)
        {
            // CoachBot went away or sent something else; it reconnects on its own.
        }
    }

    private async Task SendAsync(WebSocket socket, JsonObject message)
    {
        await _sending.WaitAsync();
        try
        {
            await socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        }
        finally
        {
            _sending.Release();
        }
    }

    private static bool SameToken(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
