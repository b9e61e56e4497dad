namespace CoachBot.Coaching.Crm;

/// <summary>
/// A workspace's link to one CRM (crm_connection). <see cref="Secret"/> is the opened credentials a connector needs
/// (its own JSON), null when they come from configuration; it is never logged or shown.
/// </summary>
public sealed record CrmConnection(long Id, long WorkspaceId, CrmKind Kind, string? BaseUrl, string? Secret)
{
    public override string ToString() => $"crm connection {Id} ({Kind})";
}
