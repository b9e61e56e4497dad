namespace CoachBot.Platforms.Crm.Salesforce;

/// <summary>A query Salesforce refused in a way the connector can work around (a field the org lacks, an expired query locator).</summary>
public sealed class SalesforceQueryException(SalesforceError error) : Exception($"Salesforce refused the query: {error}.")
{
    public SalesforceError Error { get; } = error;
}
