using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace CoachBot.Testing;

/// <summary>
/// A loopback TCP proxy in front of the shared PostgreSQL, so a test can take "the database" away and bring it back
/// without touching the cluster others use. <see cref="Cut"/> resets every open connection and refuses new ones, as a
/// crashed or restarting server does; <see cref="Restore"/> listens again on the same port.
/// </summary>
public sealed class TcpOutageProxy : IAsyncDisposable
{
    private readonly DnsEndPoint _target;
    private readonly ConcurrentDictionary<Socket, byte> _open = new();
    private TcpListener _listener;
    private CancellationTokenSource _up = new();

    private TcpOutageProxy(DnsEndPoint target)
    {
        _target = target;
        _listener = Listen(0);
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _ = AcceptAsync(_listener, _up.Token);
    }

    public int Port { get; }

    public static TcpOutageProxy To(string host, int port) => new(new DnsEndPoint(host, port));

    /// <summary>
    /// The same connection string, through the proxy. A cut proxy refuses connections at once, so the connect timeout
    /// only matters while it is up. 10 s rather than 3: on a loaded two-core CI machine a slow connect during the app's
    /// start-up migration stops the host (SlackDatabaseOutageTests once saw a disposed service provider there).
    /// </summary>
    public string Through(string connectionString) =>
        new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { Host = "127.0.0.1", Port = Port, Timeout = 10 }.ConnectionString;

    public void Cut()
    {
        _up.Cancel();
        _listener.Stop();
        foreach (var socket in _open.Keys)
        {
            Reset(socket);
        }
    }

    public void Restore()
    {
        _up = new CancellationTokenSource();
        _listener = Listen(Port);
        _ = AcceptAsync(_listener, _up.Token);
    }

    private static TcpListener Listen(int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        return listener;
    }

    private async Task AcceptAsync(TcpListener listener, CancellationToken up)
    {
        while (!up.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await listener.AcceptSocketAsync(up);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = PipeAsync(client, up);
        }
    }

    private async Task PipeAsync(Socket client, CancellationToken up)
    {
        using var server = new Socket(SocketType.Stream, ProtocolType.Tcp);
        _open[client] = 0;
        _open[server] = 0;
        try
        {
            await server.ConnectAsync(_target, up);
            await Task.WhenAny(CopyAsync(client, server, up), CopyAsync(server, client, up));
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
        finally
        {
            _open.TryRemove(client, out _);
            _open.TryRemove(server, out _);
            Reset(client);
            Reset(server);
        }
    }

    private static async Task CopyAsync(Socket from, Socket to, CancellationToken up)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await from.ReceiveAsync(buffer, SocketFlags.None, up)) > 0)
            {
                await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None, up);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
    }

    // Linger 0 closes with a reset, as a dead server's host does, instead of a polite FIN.
    private static void Reset(Socket socket)
    {
        try
        {
            socket.LingerState = new LingerOption(true, 0);
            socket.Close();
        }
        catch (ObjectDisposedException)
        {
        }
    }

    public ValueTask DisposeAsync()
    {
        Cut();
        return ValueTask.CompletedTask;
    }
}
