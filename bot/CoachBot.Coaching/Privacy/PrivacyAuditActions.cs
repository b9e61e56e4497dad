namespace CoachBot.Coaching.Privacy;

/// <summary>
/// audit_entry.action names that concern a rep's privacy. The escalation workflow writes <see cref="EscalationViewed"/>
/// (actor = manager, subject = rep) whenever a manager is shown words the rep chose to share; `my data` lists those rows.
/// </summary>
public static class PrivacyAuditActions
{
    /// <summary>A manager saw an escalation carrying the rep's shared words.</summary>
    public const string EscalationViewed = "escalation.viewed";

    /// <summary>The rep explicitly agreed to share; detail holds the escalation reference, never the text.</summary>
    public const string EscalationShared = "escalation.shared";

    /// <summary>A manager opened the rep's coaching profile.</summary>
    public const string ProfileViewed = "profile.viewed";

    public const string DataExported = "privacy.exported";

    public const string DataDeleted = "privacy.deleted";

    /// <summary>Rows a rep is shown under "who has seen what".</summary>
    public static readonly IReadOnlyList<string> SeenByManagers = [EscalationViewed, ProfileViewed];
}
