namespace CoachBot.Coaching.Crm;

public enum CrmDealStatus
{
    Open,
    Won,
    Lost,
}

/// <summary>
/// A deal as the CRM states it now (HubSpot deal, Salesforce Opportunity). <see cref="StageChangedAt"/> is null when the
/// CRM does not say; the store then dates a stage change from when a sync first saw it.
/// </summary>
public sealed record CrmDeal(
    string Id,
    string Name,
    string? OwnerId,
    decimal? Amount,
    string? Currency,
    string Stage,
    CrmDealStatus Status,
    DateOnly? CloseDate,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StageChangedAt,
    DateTimeOffset? ClosedAt,
    DateTimeOffset? LastActivityAt,
    DateTimeOffset ModifiedAt);
