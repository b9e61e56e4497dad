namespace CoachBot.Platforms.Crm.Salesforce;

/// <summary>
/// The <c>Crm:Salesforce</c> section: a connected app's credentials, either JWT bearer (Username + PrivateKeyPem) or
/// client credentials (ClientSecret + MyDomainUrl). No ClientId means Salesforce is off. Secrets come from the
/// environment (Crm__Salesforce__PrivateKeyPem, Crm__Salesforce__ClientSecret), never from chat.
/// </summary>
public sealed class SalesforceOptions
{
    public const string Section = "Crm:Salesforce";

    public string LoginUrl { get; set; } = "https://login.salesforce.com";

    public string ClientId { get; set; } = "";

    public string Username { get; set; } = "";

    public string PrivateKeyPem { get; set; } = "";

    public string ClientSecret { get; set; } = "";

    /// <summary>The org's My Domain (https://acme.my.salesforce.com): the client credentials flow only works there.</summary>
    public string MyDomainUrl { get; set; } = "";

    public string ApiVersion { get; set; } = "v61.0";

    /// <summary>Share of the org's daily API allowance CoachBot may reach before it stops for the day, so it never starves the org's other integrations.</summary>
    public double MaxApiUsageShare { get; set; } = 0.8;

    /// <summary>Network failures and 503s tried again in place before the run gives up with Unavailable.</summary>
    public int MaxAttempts { get; set; } = 3;

    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(ClientId);

    public bool UsesJwtBearer => !string.IsNullOrWhiteSpace(PrivateKeyPem);

    /// <summary>Where the token is asked for: the login host for JWT bearer, the org's My Domain for client credentials.</summary>
    public string TokenHost => (UsesJwtBearer ? LoginUrl : MyDomainUrl).TrimEnd('/');
}
