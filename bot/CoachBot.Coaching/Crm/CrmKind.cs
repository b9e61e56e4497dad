namespace CoachBot.Coaching.Crm;

/// <summary>Which CRM a connection reads. Csv is an uploaded deals export for teams without API access.</summary>
public enum CrmKind
{
    HubSpot,
    Salesforce,
    Csv,
}
