using System.Collections.Concurrent;
using System.Net.WebSockets;
using CoachBot.Platforms.Slack;

namespace CoachBot.Bot.Slack.SocketMode;

/// <summary>
/// One open socket and its read loop: envelopes are handled side by side (a slow command must not hold up the next ack),
/// <c>disconnect</c> ends it with Slack's reason while reading goes on until it is replaced, and a close or a dead socket
/// ends it with what happened.
/// </summary>
internal sealed class SlackSocketConnection
{
    private static readonly TimeSpan FinishInFlight = TimeSpan.FromSeconds(5);

    private readonly SlackSocket _socket;
    private readonly SlackSocketDispatch _dispatch;
    private readonly ILogger _logger;
    private readonly TaskCompletionSource _hello = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<string> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentDictionary<Task, byte> _inFlight = new();
    private readonly CancellationTokenSource _reading = new();
    private Task _loop = Task.CompletedTask;

    private SlackSocketConnection(SlackSocket socket, SlackSocketDispatch dispatch, ILogger logger)
    {
        _socket = socket;
        _dispatch = dispatch;
        _logger = logger;
    }

    /// <summary>Completes with why the connection is over (Slack's disconnect reason, a close, a dead socket).</summary>
    public Task<string> Ended => _ended.Task;

    /// <summary>Connects and waits for Slack's hello: only then does the socket count as open.</summary>
    public static async Task<SlackSocketConnection> OpenAsync(
        Uri url, SlackOptions settings, SlackSocketDispatch dispatch, TimeProvider time, ILogger logger, CancellationToken cancellationToken)
    {
        var socket = await SlackSocket.ConnectAsync(url, settings.SocketDeadAfter, settings.MaxRequestBytes, cancellationToken);
        var connection = new SlackSocketConnection(socket, dispatch, logger);
        connection._loop = connection.ReadAsync();
        try
        {
            await Task.WhenAny(connection._hello.Task, connection.Ended).WaitAsync(settings.SocketDeadAfter, time, cancellationToken);
            return connection._hello.Task.IsCompleted ? connection : throw new WebSocketException($"closed before hello ({await connection.Ended})");
        }
        catch
        {
            await connection.CloseAsync();
            throw;
        }
    }

    /// <summary>Lets envelopes in flight send their acks, then closes and stops reading.</summary>
    public async Task CloseAsync()
    {
        await Task.WhenAll(_inFlight.Keys).WaitAsync(FinishInFlight).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await _socket.CloseAsync();
        await _loop.WaitAsync(TimeSpan.FromSeconds(2)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await _reading.CancelAsync();
        await _socket.DisposeAsync();
        _ended.TrySetResult("closed by CoachBot");
    }

    private async Task ReadAsync()
    {
        try
        {
            while (await _socket.ReceiveAsync(_reading.Token) is { } frame)
            {
                switch (frame)
                {
                    case { Type: "hello" }:
                        _hello.TrySetResult();
                        break;
                    case { Type: "disconnect" }:
                        _ended.TrySetResult(frame.Reason ?? "disconnect");
                        break;
                    case { EnvelopeId.Length: > 0 }:
                        Track(Task.Run(() => AnswerAsync(frame)));
                        break;
                    default:
                        SlackSocketLog.Skipped(_logger, frame == SlackSocketFrame.Unreadable ? "unreadable or oversized frame" : $"frame type {frame.Type}");
                        break;
                }
            }

            _ended.TrySetResult("connection closed by Slack");
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The keep-alive aborts a socket whose pings go unanswered: it died silently, or the network did.
            _ended.TrySetResult($"connection lost ({(ex as WebSocketException)?.WebSocketErrorCode.ToString() ?? ex.GetType().Name})");
        }
    }

    private async Task AnswerAsync(SlackSocketFrame envelope)
    {
        try
        {
            // Not the read token: an envelope being recorded is finished even while its socket is being replaced.
            if (await _dispatch.AckAsync(envelope, CancellationToken.None) is { } ack)
            {
                await _socket.SendAsync(ack, CancellationToken.None);
            }
        }
        catch (Exception ex)
        {
            // Unacked: Slack re-sends events (the dedupe keeps it to one run); the socket itself is judged by the read loop.
            SlackSocketLog.EnvelopeFailed(_logger, envelope.Type, ex);
        }
    }

    private void Track(Task task)
    {
        _inFlight.TryAdd(task, 0);
        task.ContinueWith(t => _inFlight.TryRemove(t, out _), TaskScheduler.Default);
    }
}
