using CoachBot.Coaching.Learning;
using CoachBot.Coaching.Profiles;

namespace CoachBot.Coaching.Nudges.History;

/// <summary>One row of nudge_history: what was sent for a delivery and how the rep answered.</summary>
public sealed record NudgeRecord(
    long PersonId,
    Guid DeliveryId,
    string IntentId,
    int LibraryVersion,
    CommunicationStyle Style,
    bool StyleAssumed,
    FocusSkill Skill,
    DateTimeOffset SentAt,
    DateTimeOffset? AnsweredAt = null,
    NudgeResponse? Response = null,
    int? Confidence = null,
    int? ResponseSeconds = null,
    StyleReason? Reason = null);
