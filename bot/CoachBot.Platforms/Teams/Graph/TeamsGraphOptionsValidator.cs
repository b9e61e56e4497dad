using Microsoft.Extensions.Options;

namespace CoachBot.Platforms.Teams.Graph;

public sealed class TeamsGraphOptionsValidator(IOptions<TeamsOptions> teams) : IValidateOptions<TeamsGraphOptions>
{
    public ValidateOptionsResult Validate(string? name, TeamsGraphOptions options)
    {
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (!teams.Value.HasCredentials || string.IsNullOrWhiteSpace(teams.Value.AppPassword))
        {
            failures.Add("Teams:Graph:Enabled needs Teams:AppId and Teams:AppPassword: Graph tokens come from the same app registration.");
        }

        if (string.IsNullOrWhiteSpace(teams.Value.TenantId))
        {
            failures.Add("Teams:Graph:Enabled needs Teams:TenantId: Graph application permissions are granted in one tenant.");
        }

        if (!Guid.TryParse(options.TeamsAppId, out _))
        {
            failures.Add("Teams:Graph:TeamsAppId must be the app's id in the org catalog (a GUID; Teams admin center > Manage apps).");
        }

        if (!Uri.TryCreate(options.Authority, UriKind.Absolute, out var authority) || authority.Scheme != Uri.UriSchemeHttps)
        {
            failures.Add("Teams:Graph:Authority must be an https URL (MSAL refuses anything else).");
        }

        if (!Uri.TryCreate(options.GraphBaseUrl, UriKind.Absolute, out _))
        {
            failures.Add("Teams:Graph:GraphBaseUrl must be an absolute URL.");
        }

        if (!Uri.TryCreate(options.DefaultServiceUrl, UriKind.Absolute, out var serviceUrl) || (serviceUrl.Scheme != Uri.UriSchemeHttps && !serviceUrl.IsLoopback))
        {
            failures.Add("Teams:Graph:DefaultServiceUrl must be an https URL such as https://smba.trafficmanager.net/teams/.");
        }

        if (options.BatchSize is < 1 or > 500 || options.MaxConcurrency is < 1 or > 20 || options.MaxAttempts is < 1 or > 10)
        {
            failures.Add("Teams:Graph:BatchSize (1-500), MaxConcurrency (1-20) and MaxAttempts (1-10) are out of range.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
