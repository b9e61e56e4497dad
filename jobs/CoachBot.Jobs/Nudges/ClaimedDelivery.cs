using CoachBot.Coaching.Chat;
using CoachBot.Coaching.Scheduling;

namespace CoachBot.Jobs.Nudges;

/// <summary>A ledger row this instance holds the lease on, with what deciding and sending it needs.</summary>
internal sealed record ClaimedDelivery(
    Guid Id,
    long PersonId,
    PersonKey Person,
    bool IsFollowUp,
    DateTimeOffset SlotAt,
    string Status,
    bool Reconcile,
    bool Reachable,
    bool WorkspaceEnabled,
    bool ParentAnswered,
    bool WasInFlight,
    RepSchedule? Schedule)
{
    public bool Active => Schedule is { Paused: false, Stopped: false };
}
