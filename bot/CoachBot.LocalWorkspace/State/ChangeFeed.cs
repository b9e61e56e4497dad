namespace CoachBot.LocalWorkspace.State;

/// <summary>A version number that every change bumps, and a way to wait for the next one (the browser's long poll).</summary>
public sealed class ChangeFeed(TimeProvider time)
{
    private readonly Lock _gate = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _version;

    public long Version
    {
        get
        {
            lock (_gate)
            {
                return _version;
            }
        }
    }

    public void Notify()
    {
        TaskCompletionSource waiting;
        lock (_gate)
        {
            _version++;
            waiting = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        waiting.TrySetResult();
    }

    /// <summary>Waits until something changes after <paramref name="since"/>, or the timeout passes.</summary>
    public async Task<long> WaitForChangeAsync(long since, TimeSpan timeout, CancellationToken cancellationToken)
    {
        Task changed;
        lock (_gate)
        {
            if (_version != since)
            {
                return _version;
            }

            changed = _changed.Task;
        }

        try
        {
            await changed.WaitAsync(timeout, time, cancellationToken);
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
        {
            // Either way the caller gets the current version; the browser simply polls again.
        }

        return Version;
    }
}
