namespace CoachBot.Coaching.Crm;

/// <summary>A CRM user who can own deals (HubSpot owner, Salesforce User). Matched to a person by email only.</summary>
public sealed record CrmOwner(string Id, string? Email, string? Name);
