namespace CoachBot.Platforms.Crm.Salesforce;

/// <summary>An access token and the org's instance URL, as the token endpoint answered; ToString never shows the token.</summary>
public sealed record SalesforceSession(string AccessToken, Uri InstanceUrl)
{
    public override string ToString() => $"Salesforce session on {InstanceUrl.Host}";
}
