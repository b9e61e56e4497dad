using System.Net;
using System.Text.Json;
using CoachBot.Coaching.Crm;

namespace CoachBot.Platforms.Crm.HubSpot;

/// <summary>Reads a HubSpot error body (category, policyName, the scopes a 403 names). Only fixed fields are kept, never the body.</summary>
internal sealed record HubSpotError(HttpStatusCode Status, string? Category, string? PolicyName, IReadOnlyList<string> Scopes)
{
    public bool IsDailyLimit => PolicyName is { } policy && policy.Contains("DAILY", StringComparison.OrdinalIgnoreCase);

    public static HubSpotError Parse(HttpStatusCode status, string body)
    {
        try
        {
            var error = JsonSerializer.Deserialize<HubSpotErrorBody>(body, HubSpotJson.Options);
            var scopes = error?.Errors?
                .SelectMany(e => e.Context ?? [])
                .Where(c => c.Key.Contains("scope", StringComparison.OrdinalIgnoreCase))
                .SelectMany(c => c.Value)
                .Distinct()
                .ToList() ?? [];
            return new HubSpotError(status, error?.Category, error?.PolicyName, scopes);
        }
        catch (JsonException)
        {
            return new HubSpotError(status, null, null, []);
        }
    }

    public CrmException ToException() => Status switch
    {
        HttpStatusCode.Unauthorized => new CrmException(CrmFailure.Unauthorized,
            "HubSpot refused the access token (401): it was revoked, or the private app was deleted. Make a new token, set Crm:HubSpot:AccessToken, then run `crm connect hubspot` again."),
        HttpStatusCode.Forbidden => new CrmException(CrmFailure.PermissionMissing, Scopes.Count > 0
            ? $"The HubSpot app lacks the scope {string.Join(", ", Scopes)}: add it to the private app (Settings > Integrations > Private apps > Scopes), then run `crm connect hubspot` again."
            : "HubSpot refused the call (403): the private app lacks a scope docs/crm-setup.md lists. Add the scopes, then run `crm connect hubspot` again."),
        _ => new CrmException(CrmFailure.Unavailable, $"HubSpot answered {(int)Status}{(Category is null ? "" : $" ({Category})")}; the next sync tries again."),
    };
}
