using System.Text;

namespace CoachBot.Bot.Tests.Fuzz;

/// <summary>What a fuzz run saw: requests and status codes per endpoint, every 5xx, every write made by a refused request.</summary>
public sealed class FuzzTally
{
    private readonly SortedDictionary<string, SortedDictionary<int, int>> _statuses = new(StringComparer.Ordinal);

    public List<string> ServerErrors { get; } = [];

    public List<string> RejectedWrites { get; } = [];

    public int Requests { get; private set; }

    public int RowsWrittenByRejected { get; private set; }

    private readonly Dictionary<string, TimeSpan> _time = [];

    /// <summary>Documented protocol answers in the 5xx range (501 to an unhandled Teams invoke): listed, not failures.</summary>
    public List<string> ProtocolAnswers { get; } = [];

    public void Add(FuzzCase request, int status, IReadOnlyList<string> writes, bool writesAllowed, TimeSpan took = default, bool protocolAnswer = false)
    {
        Requests++;
        _time[request.Endpoint] = _time.GetValueOrDefault(request.Endpoint) + took;
        var byStatus = _statuses.TryGetValue(request.Endpoint, out var s) ? s : _statuses[request.Endpoint] = new();
        byStatus[status] = byStatus.GetValueOrDefault(status) + 1;
        if (status >= 500 && protocolAnswer)
        {
            ProtocolAnswers.Add($"{status} {request.Endpoint} [{request.Mutation}]");
        }
        else if (status >= 500)
        {
            ServerErrors.Add($"{status} {request.Endpoint} [{request.Mutation}]");
        }

        if (status >= 400 && writes.Count > 0 && !writesAllowed)
        {
            RowsWrittenByRejected += writes.Count;
            RejectedWrites.Add($"{status} {request.Endpoint} [{request.Mutation}] wrote {string.Join(", ", writes.Distinct())}");
        }
    }

    public string Summary(string title, TimeSpan elapsed)
    {
        var text = new StringBuilder($"{title}: {Requests} requests in {elapsed.TotalSeconds:F1} s; 5xx: {ServerErrors.Count} (plus {ProtocolAnswers.Count} documented 501 to unhandled invokes); rows written by rejected requests: {RowsWrittenByRejected}\n");
        foreach (var (endpoint, statuses) in _statuses)
        {
            var count = statuses.Values.Sum();
            text.AppendLine($"  {endpoint,-28} {count,6} requests, {_time.GetValueOrDefault(endpoint).TotalMilliseconds / count,5:F1} ms each:  {string.Join("  ", statuses.Select(p => $"{p.Key}×{p.Value}"))}");
        }

        if (_statuses.Values.Any(s => s.ContainsKey(0)))
        {
            text.AppendLine("  (0 = the connection was closed without an answer, as Kestrel does for some broken chunk framing)");
        }

        // A few samples per endpoint, so one noisy endpoint does not hide another's.
        foreach (var line in ServerErrors.Concat(RejectedWrites).GroupBy(l => l.Split(" [")[0]).SelectMany(g => g.Take(6)))
        {
            text.AppendLine($"  ! {Trim(line)}");
        }

        foreach (var line in ProtocolAnswers.Take(3))
        {
            text.AppendLine($"  ~ {Trim(line)}");
        }

        return text.ToString();
    }

    private static string Trim(string line) => line.Length > 300 ? line[..300] + "…" : line;
}
