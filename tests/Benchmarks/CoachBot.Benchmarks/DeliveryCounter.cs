using System.Collections.Concurrent;

namespace CoachBot.Benchmarks;

/// <summary>What a fake platform saw: accepted messages per delivery id (so duplicates show), calls and 429s.</summary>
internal sealed class DeliveryCounter
{
    private long _calls;
    private long _throttled;

    public ConcurrentDictionary<Guid, int> Accepted { get; } = new();

    public long Calls => Interlocked.Read(ref _calls);

    public long Throttled => Interlocked.Read(ref _throttled);

    public int Unique => Accepted.Count;

    public int Duplicates => Accepted.Values.Sum(c => c - 1);

    public void Call() => Interlocked.Increment(ref _calls);

    public void Throttle() => Interlocked.Increment(ref _throttled);

    public void Accept(Guid deliveryId) => Accepted.AddOrUpdate(deliveryId, 1, (_, c) => c + 1);
}
