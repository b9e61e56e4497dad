using Microsoft.Extensions.Options;

namespace CoachBot.Platforms.Crm.HubSpot;

public sealed class HubSpotOptionsValidator : IValidateOptions<HubSpotOptions>
{
    public ValidateOptionsResult Validate(string? name, HubSpotOptions options)
    {
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (options.AccessToken!.Trim() != options.AccessToken || options.AccessToken.Any(char.IsWhiteSpace))
        {
            failures.Add("Crm:HubSpot:AccessToken has spaces in it: paste the private app's token exactly.");
        }

        if (!Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var baseUrl) || (baseUrl.Scheme != Uri.UriSchemeHttps && !baseUrl.IsLoopback))
        {
            failures.Add("Crm:HubSpot:BaseUrl must be an https URL such as https://api.hubapi.com/.");
        }

        if (options.RequestsPerInterval is < 1 or > 1000 || options.Interval < TimeSpan.FromMilliseconds(100) || options.Interval > TimeSpan.FromMinutes(1)
            || options.SearchRequestsPerSecond is < 1 or > 100)
        {
            failures.Add("Crm:HubSpot:RequestsPerInterval (1-1000), Interval (0.1-60 s) and SearchRequestsPerSecond (1-100) are out of range.");
        }

        if (options.PageSize is < 1 or > 100 || options.SearchResultLimit < options.PageSize || options.MaxAttempts is < 1 or > 10)
        {
            failures.Add("Crm:HubSpot:PageSize (1-100), SearchResultLimit (at least PageSize) and MaxAttempts (1-10) are out of range.");
        }

        if (options.MaxRetryAfter < TimeSpan.Zero || options.MaxRetryAfter > TimeSpan.FromMinutes(5))
        {
            failures.Add("Crm:HubSpot:MaxRetryAfter must be between 0 and 5 minutes.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
