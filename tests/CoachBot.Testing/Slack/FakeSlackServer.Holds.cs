using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace CoachBot.Testing.Slack;

// A slow Slack, without timers: the next call to a method waits until the test releases it.
public sealed partial class FakeSlackServer
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<SlackHold>> _holds = new();

    /// <summary>The next call to <paramref name="method"/> is held (after it is recorded) until <see cref="SlackHold.Release"/>.</summary>
    public SlackHold HoldNext(string method)
    {
        var hold = new SlackHold();
        _holds.GetOrAdd(method, _ => new()).Enqueue(hold);
        return hold;
    }

    /// <summary>False when the caller gave up while the call was held: then, as with a real request cut off, nothing happens.</summary>
    private async Task<bool> WaitIfHeldAsync(string method, HttpContext context)
    {
        if (!_holds.TryGetValue(method, out var queue) || !queue.TryDequeue(out var hold))
        {
            return true;
        }

        hold.Arrive();
        try
        {
            await hold.Released.WaitAsync(context.RequestAborted);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}

public sealed class SlackHold
{
    private readonly TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the held call has reached the fake.</summary>
    public Task Arrived => _arrived.Task;

    internal Task Released => _released.Task;

    internal void Arrive() => _arrived.TrySetResult();

    public void Release() => _released.TrySetResult();
}
