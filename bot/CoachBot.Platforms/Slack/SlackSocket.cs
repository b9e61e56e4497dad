using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace CoachBot.Platforms.Slack;

/// <summary>
/// One Socket Mode websocket. Frames come in parsed and size-capped; acks go out one at a time (a websocket allows one
/// sender). The runtime's keep-alive pings Slack and aborts the socket when no pong comes back, so a socket that died
/// silently ends the read with an exception instead of waiting forever.
/// </summary>
public sealed class SlackSocket : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();
    private readonly SemaphoreSlim _sending = new(1, 1);
    private readonly int _maxFrameBytes;

    private SlackSocket(int maxFrameBytes) => _maxFrameBytes = maxFrameBytes;

    public static async Task<SlackSocket> ConnectAsync(Uri url, TimeSpan deadAfter, int maxFrameBytes, CancellationToken cancellationToken)
    {
        var socket = new SlackSocket(maxFrameBytes);
        socket._socket.Options.KeepAliveInterval = deadAfter / 2;
        socket._socket.Options.KeepAliveTimeout = deadAfter / 2;
        try
        {
            await socket._socket.ConnectAsync(url, cancellationToken);
            return socket;
        }
        catch
        {
            await socket.DisposeAsync();
            throw;
        }
    }

    /// <summary>The next message, or null once Slack closed the socket. A message over the cap is drained and read as unreadable.</summary>
    public async Task<SlackSocketFrame?> ReceiveAsync(CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        var oversized = false;
        while (true)
        {
            var result = await _socket.ReceiveAsync(buffer.GetMemory(4096), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            buffer.Advance(result.Count);
            if (buffer.WrittenCount > _maxFrameBytes)
            {
                oversized = true;
                buffer.ResetWrittenCount();
            }

            if (result.EndOfMessage)
            {
                return oversized || result.MessageType != WebSocketMessageType.Text ? SlackSocketFrame.Unreadable : SlackSocketFrame.Parse(buffer.WrittenSpan);
            }
        }
    }

    public async Task SendAsync(JsonObject message, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes(message.ToJsonString());
        await _sending.WaitAsync(cancellationToken);
        try
        {
            await _socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        }
        finally
        {
            _sending.Release();
        }
    }

    /// <summary>Says goodbye if the socket still works; never throws (a dead socket is simply dropped).</summary>
    public async Task CloseAsync()
    {
        try
        {
            using var budget = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "replaced", budget.Token);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Already gone: nothing to say goodbye to.
        }
    }

    public ValueTask DisposeAsync()
    {
        _socket.Abort();
        _socket.Dispose();
        _sending.Dispose();
        return ValueTask.CompletedTask;
    }
}
