namespace CoachBot.LocalWorkspace.State;

/// <summary>The last requests each way, for the UI's protocol log: what and the outcome, never bodies or tokens.</summary>
public sealed class ProtocolLog(ChangeFeed feed, TimeProvider time)
{
    private const int Capacity = 60;
    private readonly Lock _gate = new();
    private readonly Queue<ProtocolLogEntry> _entries = new();

    public void Add(string direction, string what, string outcome)
    {
        lock (_gate)
        {
            _entries.Enqueue(new ProtocolLogEntry(time.GetUtcNow(), direction, what, outcome));
            if (_entries.Count > Capacity)
            {
                _entries.Dequeue();
            }
        }

        feed.Notify();
    }

    public IReadOnlyList<ProtocolLogEntry> Entries()
    {
        lock (_gate)
        {
            return _entries.ToList();
        }
    }
}

public sealed record ProtocolLogEntry(DateTimeOffset At, string Direction, string What, string Outcome);
