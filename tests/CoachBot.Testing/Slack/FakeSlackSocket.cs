using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace CoachBot.Testing.Slack;

/// <summary>One Socket Mode connection on the fake Slack: sends hello, envelopes and disconnects; records acks and how it ended.</summary>
public sealed class FakeSlackSocket(WebSocket socket, int number, bool silent)
{
    private readonly ConcurrentQueue<JsonObject> _acks = new();
    private readonly SemaphoreSlim _sending = new(1, 1);
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Number => number;

    public bool HelloSent { get; private set; }

    public IReadOnlyList<JsonObject> Acks => [.. _acks];

    /// <summary>Completes when CoachBot closed the socket (or it was dropped).</summary>
    public Task Closed => _closed.Task;

    public bool ClosedByCoachBot { get; private set; }

    public async Task RunAsync(CancellationToken aborted)
    {
        await SendAsync(new JsonObject
        {
            ["type"] = "hello", ["num_connections"] = number,
            ["connection_info"] = new JsonObject { ["app_id"] = "A0COACHBOT" },
            ["debug_info"] = new JsonObject { ["host"] = "applink-fake", ["approximate_connection_time"] = 18060 },
        });
        HelloSent = true;
        var buffer = new byte[64 * 1024];
        try
        {
            if (silent)
            {
                // Never reading means CoachBot's pings go unanswered, as on a socket that died on the way.
                await Task.Delay(Timeout.Infinite, aborted);
            }

            while (true)
            {
                var result = await socket.ReceiveAsync(buffer, aborted);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    ClosedByCoachBot = true;
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
                    break;
                }

                // Acks are small: one read holds one.
                if (JsonNode.Parse(Encoding.UTF8.GetString(buffer, 0, result.Count)) is JsonObject ack)
                {
                    _acks.Enqueue(ack);
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // Dropped, or CoachBot gave up on a silent socket.
        }
        finally
        {
            _closed.TrySetResult();
        }
    }

    /// <summary>Sends an envelope as Slack does and returns its envelope_id.</summary>
    public async Task<string> SendEnvelopeAsync(string type, JsonObject payload, bool acceptsResponsePayload = false, string? envelopeId = null, int retryAttempt = 0)
    {
        envelopeId ??= Guid.NewGuid().ToString();
        await SendAsync(new JsonObject
        {
            ["envelope_id"] = envelopeId, ["type"] = type, ["payload"] = payload.DeepClone(), ["accepts_response_payload"] = acceptsResponsePayload,
            ["retry_attempt"] = retryAttempt, ["retry_reason"] = retryAttempt > 0 ? "timeout" : "",
        });
        return envelopeId;
    }

    public Task DisconnectAsync(string reason) =>
        SendAsync(new JsonObject { ["type"] = "disconnect", ["reason"] = reason, ["debug_info"] = new JsonObject { ["host"] = "applink-fake" } });

    /// <summary>Cuts the connection without a close frame, as a network failure does.</summary>
    public void Drop() => socket.Abort();

    private async Task SendAsync(JsonObject message)
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
}
