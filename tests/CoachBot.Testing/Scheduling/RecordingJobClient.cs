using System.Collections.Concurrent;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;

namespace CoachBot.Testing.Scheduling;

/// <summary>Captures what jobs enqueue (the job and its state) so tests can inspect and run them by hand.</summary>
public sealed class RecordingJobClient : IBackgroundJobClient
{
    public ConcurrentQueue<(Job Job, IState State)> Created { get; } = new();

    public string Create(Job job, IState state)
    {
        Created.Enqueue((job, state));
        return Created.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public bool ChangeState(string jobId, IState state, string expectedState) => true;

    /// <summary>Takes every captured job, oldest first, leaving the queue empty.</summary>
    public List<(Job Job, IState State)> TakeAll()
    {
        var all = new List<(Job, IState)>();
        while (Created.TryDequeue(out var item))
        {
            all.Add(item);
        }

        return all;
    }
}
