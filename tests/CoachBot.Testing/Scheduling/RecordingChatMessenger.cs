using System.Collections.Concurrent;
using CoachBot.Coaching.Chat;

namespace CoachBot.Testing.Scheduling;

/// <summary>
/// A recording messenger for one platform: keeps every direct send (person, delivery id), answers from a queue of
/// scripted failures first, and can "find" deliveries for reconciliation when <see cref="CanReconcile"/> is true.
/// </summary>
public sealed class RecordingChatMessenger(ChatPlatform platform, bool canReconcile) : IChatMessenger
{
    private readonly ConcurrentQueue<Exception> _failures = new();
    private int _sequence;
    private int _entered;

    public ChatPlatform Platform => platform;

    public bool CanReconcile => canReconcile;

    public ConcurrentQueue<(PersonKey Person, Guid? DeliveryId, string Text)> Sent { get; } = new();

    /// <summary>Every direct message whole (blocks and fields), in the order they went.</summary>
    public ConcurrentQueue<(PersonKey Person, CoachMessage Message)> Messages { get; } = new();

    /// <summary>Deliveries the platform "already has" (e.g. accepted just before a crash), by delivery id.</summary>
    public ConcurrentDictionary<Guid, SentMessage> AlreadyDelivered { get; } = new();

    public List<Guid> Searched { get; } = [];

    /// <summary>How many sends have reached the platform call (including ones now held).</summary>
    public int Entered => Volatile.Read(ref _entered);

    /// <summary>Blocks sends until released; lets a test cancel a send that is in flight.</summary>
    public TaskCompletionSource? Hold { get; set; }

    /// <summary>How many sends pass before <see cref="Hold"/> starts holding (0: all are held).</summary>
    public int HoldFrom { get; set; }

    /// <summary>Waits until <paramref name="sends"/> sends have reached the platform call; fails after 30 seconds.</summary>
    public async Task WaitUntilEnteredAsync(int sends)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (Entered < sends)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{platform}: waited 30 s for {sends} send(s) to reach the platform, {Entered} did.");
            }

            await Task.Delay(10);
        }
    }

    public RecordingChatMessenger FailNext(params Exception[] failures)
    {
        foreach (var failure in failures)
        {
            _failures.Enqueue(failure);
        }

        return this;
    }

    public async Task<SentMessage> SendDirectAsync(PersonKey person, CoachMessage message, RateSlot? prepaid, CancellationToken cancellationToken)
    {
        var entered = Interlocked.Increment(ref _entered);
        if (Hold is { } hold && entered > HoldFrom)
        {
            await hold.Task.WaitAsync(cancellationToken);
        }

        if (_failures.TryDequeue(out var failure))
        {
            throw failure;
        }

        Sent.Enqueue((person, message.DeliveryId, message.Text));
        Messages.Enqueue((person, message));
        var sent = new SentMessage(new ChatAddress(person.Platform, person.WorkspaceId, $"D-{person.UserId}"), $"msg-{Interlocked.Increment(ref _sequence)}");
        if (message.DeliveryId is { } id)
        {
            AlreadyDelivered[id] = sent;
        }

        return sent;
    }

    public Task<SentMessage> PostAsync(ChatAddress conversation, CoachMessage message, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Nudges are only sent as direct messages.");

    public Task UpdateAsync(SentMessage sent, CoachMessage message, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<SentMessage?> FindDeliveryAsync(PersonKey person, Guid deliveryId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        if (!canReconcile)
        {
            throw new NotSupportedException("This platform cannot read back its messages.");
        }

        lock (Searched)
        {
            Searched.Add(deliveryId);
        }

        return Task.FromResult(AlreadyDelivered.TryGetValue(deliveryId, out var sent) ? sent : null);
    }
}
