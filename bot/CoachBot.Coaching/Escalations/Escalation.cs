namespace CoachBot.Coaching.Escalations;

public sealed record Escalation(
    long Id,
    long WorkspaceId,
    long RepId,
    long? OwnerId,
    EscalationReason Reason,
    EscalationSeverity Severity,
    string? SharedText,
    EscalationState State,
    DateTimeOffset CreatedAt)
{
    public DateTimeOffset? AcknowledgedAt { get; init; }
    public long? AcknowledgedBy { get; init; }
    public DateTimeOffset? ResolvedAt { get; init; }
    public long? ResolvedBy { get; init; }
    public string? ResolutionNote { get; init; }
    public DateTimeOffset? SnoozedUntil { get; init; }
    public DateTimeOffset? ReassignedAt { get; init; }
    public string? ChannelConversationId { get; init; }
    public string? ChannelMessageId { get; init; }
    public DateTimeOffset? AckDueAt { get; init; }
    public DateTimeOffset? SkipLevelDueAt { get; init; }
    public DateTimeOffset? RemindedAt { get; init; }
    public DateTimeOffset? SkipLevelAt { get; init; }
    public long? SkipLevelOwnerId { get; init; }
    public string? ReminderJobId { get; init; }
    public string? SkipLevelJobId { get; init; }
    public int NoteCount { get; init; }

    public string ShortId => EscalationId.Format(Id);

    public bool IsClosed => State == EscalationState.Resolved;
}
