namespace CoachBot.Coaching.Crm;

public enum CrmActivityKind
{
    Call,
    Email,
    Meeting,
    Task,
    Note,
}

/// <summary>One logged activity (HubSpot engagement, Salesforce Task or Event). Only its kind, owner and date are kept.</summary>
public sealed record CrmActivity(string Id, CrmActivityKind Kind, string? OwnerId, string? DealId, DateTimeOffset OccurredAt, DateTimeOffset ModifiedAt);
