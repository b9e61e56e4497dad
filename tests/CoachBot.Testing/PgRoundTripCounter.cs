using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CoachBot.Testing;

/// <summary>
/// A loopback TCP proxy in front of PostgreSQL that reads the wire protocol the app speaks and records every round trip:
/// one per Sync (extended protocol: a statement, or a whole batch) or simple Query, which is exactly one ReadyForQuery
/// wait for the client. Each round trip keeps the SQL it carried (statement names of prepared statements are resolved
/// to the text they were parsed from) and the connection's application_name, so a test can count what one request cost
/// and say which statements it was. Connections must not use TLS (<see cref="Through"/> turns it off).
/// </summary>
public sealed class PgRoundTripCounter : IAsyncDisposable
{
    private const int SslRequestCode = 80877103;
    private const int GssRequestCode = 80877104;

    private readonly DnsEndPoint _target;
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<RoundTrip> _trips = new();
    private long _sequence;

    public sealed record RoundTrip(long Sequence, string ApplicationName, IReadOnlyList<string> Sql)
    {
        public override string ToString() => $"[{ApplicationName}] {string.Join(" ; ", Sql.Select(s => s.Length > 160 ? s[..160] + "…" : s))}";
    }

    private PgRoundTripCounter(DnsEndPoint target)
    {
        _target = target;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _ = AcceptAsync();
    }

    public int Port { get; }

    public static PgRoundTripCounter To(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        return new PgRoundTripCounter(new DnsEndPoint(builder.Host!, builder.Port));
    }

    /// <summary>The same connection string, through the proxy, in clear text.</summary>
    public string Through(string connectionString) =>
        new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { Host = "127.0.0.1", Port = Port, SslMode = Npgsql.SslMode.Disable }.ConnectionString;

    /// <summary>A point to count from.</summary>
    public long Mark() => Interlocked.Read(ref _sequence);

    /// <summary>Round trips completed after <paramref name="mark"/> on connections whose application_name passes <paramref name="application"/>.</summary>
    public IReadOnlyList<RoundTrip> Since(long mark, Func<string, bool>? application = null) =>
        [.. _trips.Where(t => t.Sequence > mark && (application is null || application(t.ApplicationName))).OrderBy(t => t.Sequence)];

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = PipeAsync(client);
        }
    }

    private async Task PipeAsync(Socket client)
    {
        using var server = new Socket(SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await server.ConnectAsync(_target, _stop.Token);
            var connection = new Connection(this);
            await Task.WhenAny(CopyAsync(client, server, connection), CopyAsync(server, client, null));
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
        finally
        {
            client.Close();
            server.Close();
        }
    }

    private async Task CopyAsync(Socket from, Socket to, Connection? parse)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            int read;
            while ((read = await from.ReceiveAsync(buffer, SocketFlags.None, _stop.Token)) > 0)
            {
                // Recorded before forwarding, so a round trip is known before its answer can reach the client.
                parse?.Feed(buffer.AsSpan(0, read));
                await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None, _stop.Token);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
    }

    public ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        return ValueTask.CompletedTask;
    }

    /// <summary>Parses what one client sends: startup packets (no type byte), then typed messages.</summary>
    private sealed class Connection(PgRoundTripCounter owner)
    {
        private readonly List<byte> _pending = [];
        private readonly Dictionary<string, string> _prepared = [];
        private readonly List<string> _current = [];
        private bool _started;
        private string _application = "";

        public void Feed(ReadOnlySpan<byte> data)
        {
            _pending.AddRange(data);
            while (true)
            {
                var headerLength = _started ? 5 : 4;
                if (_pending.Count < headerLength)
                {
                    return;
                }

                var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_pending);
                var length = BinaryPrimitives.ReadInt32BigEndian(span[(_started ? 1 : 0)..]);
                var total = length + (_started ? 1 : 0);
                if (_pending.Count < total)
                {
                    return;
                }

                if (_started)
                {
                    OnMessage((char)span[0], span[5..total]);
                }
                else
                {
                    OnStartup(span[4..total]);
                }

                _pending.RemoveRange(0, total);
            }
        }

        private void OnStartup(ReadOnlySpan<byte> body)
        {
            var code = BinaryPrimitives.ReadInt32BigEndian(body);
            if (code is SslRequestCode or GssRequestCode)
            {
                return; // the server answers with one byte; the real startup packet follows
            }

            var fields = Encoding.UTF8.GetString(body[4..]).Split('\0');
            for (var i = 0; i + 1 < fields.Length; i += 2)
            {
                if (fields[i] == "application_name")
                {
                    _application = fields[i + 1];
                }
            }

            _started = true;
        }

        private void OnMessage(char type, ReadOnlySpan<byte> body)
        {
            switch (type)
            {
                case 'P':
                    var name = CString(body, 0, out var next);
                    var sql = CString(body, next, out _);
                    if (name.Length > 0)
                    {
                        _prepared[name] = sql;
                    }

                    _current.Add(sql);
                    break;
                case 'B':
                    CString(body, 0, out var afterPortal);
                    var statement = CString(body, afterPortal, out _);
                    if (statement.Length > 0)
                    {
                        _current.Add(_prepared.TryGetValue(statement, out var text) ? text : $"<prepared {statement}>");
                    }

                    break;
                case 'Q':
                    _current.Add(CString(body, 0, out _));
                    Complete();
                    break;
                case 'S':
                    Complete();
                    break;
            }
        }

        private void Complete()
        {
            // Npgsql parses an unprepared statement and binds it unnamed: keep each statement once.
            var sql = _current.Where(s => s.Length > 0).Distinct().ToList();
            _current.Clear();
            owner._trips.Enqueue(new RoundTrip(Interlocked.Increment(ref owner._sequence), _application, sql));
        }

        private static string CString(ReadOnlySpan<byte> body, int start, out int next)
        {
            var end = body[start..].IndexOf((byte)0);
            next = start + end + 1;
            return Encoding.UTF8.GetString(body.Slice(start, end));
        }
    }
}
