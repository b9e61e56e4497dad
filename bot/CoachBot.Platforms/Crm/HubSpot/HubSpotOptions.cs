namespace CoachBot.Platforms.Crm.HubSpot;

/// <summary>
/// The <c>Crm:HubSpot</c> section. A private app's access token (env Crm__HubSpot__AccessToken) turns the connector on;
/// without one HubSpot is simply off. The limits are HubSpot's published ones until its response headers say otherwise.
/// </summary>
public sealed class HubSpotOptions
{
    public const string Section = "Crm:HubSpot";

    public string? AccessToken { get; set; }

    public string BaseUrl { get; set; } = "https://api.hubapi.com/";

    /// <summary>Requests per <see cref="Interval"/> (private apps: 100 per 10 s, 190 on Professional and Enterprise).</summary>
    public int RequestsPerInterval { get; set; } = 100;

    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The CRM search endpoints have their own, lower limit per account (and send no rate headers).</summary>
    public int SearchRequestsPerSecond { get; set; } = 5;

    /// <summary>HubSpot's search stops at 10,000 results per query; paging past it is a 400.</summary>
    public int SearchResultLimit { get; set; } = 10_000;

    /// <summary>Objects per page: 100 is the most the list endpoints return (search allows 200; one size keeps pages alike).</summary>
    public int PageSize { get; set; } = 100;

    public int MaxAttempts { get; set; } = 5;

    /// <summary>Longest Retry-After waited out in place; a longer one ends the run with LimitReached and a later run resumes.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    public bool Enabled => !string.IsNullOrWhiteSpace(AccessToken);
}
