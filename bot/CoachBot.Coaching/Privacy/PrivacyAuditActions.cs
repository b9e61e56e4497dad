using CoachBot.Coaching.People;

namespace CoachBot.Coaching.Privacy;

/// <summary>
/// audit_entry.action names that concern a rep's privacy. `my data` and the export list the rows in
/// <see cref="SeenByManagers"/>, which the escalation and manager commands really write (actor = manager, subject = rep).
/// </summary>
public static class PrivacyAuditActions
{
    public const string DataExported = "privacy.exported";

    public const string DataDeleted = "privacy.deleted";

    /// <summary>A manager opened the rep's coaching profile (`rep @person`).</summary>
    public static readonly string ProfileViewed = AuditActions.Command("rep");

    /// <summary>A manager asked for the rep's coaching brief (`brief @person`).</summary>
    public static readonly string BriefViewed = AuditActions.Command("brief");

    /// <summary>Rows a rep is shown under "who has seen what": their words posted to the managers' channel, and each manager who saw them or the profile.</summary>
    public static readonly IReadOnlyList<string> SeenByManagers =
        [AuditActions.SharedWordsPosted, AuditActions.SharedWordsSeen, ProfileViewed, BriefViewed];
}
