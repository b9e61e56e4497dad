using CoachBot.Coaching.Profiles;

namespace CoachBot.Coaching.Nudges.Selection;

/// <summary>A nudge a rep already received, as the selector needs it.</summary>
public sealed record PastNudge(string IntentId, FocusSkill Skill, DateTimeOffset SentAt);
