using System.Collections.Concurrent;
using CoachBot.Coaching.Escalations;

namespace CoachBot.Testing.Conversation;

/// <summary>Records raises; like the real workflow, a repeated idempotency key returns the same reference.</summary>
public sealed class RecordingEscalations : IEscalations
{
    private readonly ConcurrentDictionary<string, string> _byKey = new();

    public ConcurrentQueue<EscalationRequest> Requests { get; } = new();

    public bool FailNext { get; set; }

    public Task<string> RaiseAsync(EscalationRequest request, CancellationToken cancellationToken)
    {
        if (FailNext)
        {
            FailNext = false;
            throw new HttpRequestException("managers' channel unavailable");
        }

        Requests.Enqueue(request);
        return Task.FromResult(_byKey.GetOrAdd(request.IdempotencyKey, _ => $"E-{_byKey.Count + 1}"));
    }
}
