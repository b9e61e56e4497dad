namespace CoachBot.Coaching.Crm;

/// <summary>
/// The neutral seam to a CRM: owners, deals and activities, read a page at a time from a modified-since cursor.
/// Implementations (HubSpot, Salesforce) live outside the core, wait out short rate limits themselves (429 with
/// Retry-After) and throw <see cref="CrmException"/> for anything the sync must stop on. A page is what the sync
/// commits at once, with the cursor that follows it, so a restart resumes where it stopped.
/// </summary>
public interface ICrmConnector
{
    CrmKind Kind { get; }

    /// <summary>Null when the connector has what it needs; else what the admin must set, in words (no secret values).</summary>
    string? NotConfiguredReason { get; }

    /// <summary>Every user who can own deals. Small (hundreds), read whole on every sync.</summary>
    Task<IReadOnlyList<CrmOwner>> OwnersAsync(CrmConnection connection, CancellationToken cancellationToken);

    Task<CrmPage<CrmDeal>> DealsAsync(CrmConnection connection, CrmCursor cursor, CancellationToken cancellationToken);

    Task<CrmPage<CrmActivity>> ActivitiesAsync(CrmConnection connection, CrmCursor cursor, CancellationToken cancellationToken);
}
