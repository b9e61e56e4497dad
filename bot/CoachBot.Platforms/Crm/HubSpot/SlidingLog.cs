namespace CoachBot.Platforms.Crm.HubSpot;

/// <summary>
/// At most <c>max</c> sends in any <c>window</c>, counted here before each send. A sliding count never exceeds a fixed
/// window's limit either, whatever the server's window boundaries are.
/// </summary>
internal sealed class SlidingLog(int max, TimeSpan window)
{
    private readonly Queue<DateTimeOffset> _sent = new();

    public int Max { get; set; } = max;

    public TimeSpan Window { get; set; } = window;

    /// <summary>How long until a send fits (zero: now). Call under the owner's lock, as <see cref="Take"/>.</summary>
    public TimeSpan WaitFor(DateTimeOffset now)
    {
        while (_sent.Count > 0 && _sent.Peek() <= now - Window)
        {
            _sent.Dequeue();
        }

        // Entries beyond the current allowance (the limit may have shrunk since they were sent) do not count.
        return _sent.Count < Max ? TimeSpan.Zero : _sent.ElementAt(_sent.Count - Max) + Window - now;
    }

    public void Take(DateTimeOffset now) => _sent.Enqueue(now);
}
