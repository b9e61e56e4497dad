using System.Security.Cryptography;
using System.Text;

namespace CoachBot.LocalWorkspace.SignIn;

/// <summary>
/// Where a provider keeps its endpoints, what its id_token says and how its token endpoint fails: Sign in with Slack
/// (team id + user id, errors as HTTP 200 ok:false) or Microsoft Entra ID v2.0 (tenant + object id, AADSTS errors).
/// </summary>
public sealed record OidcDialect(string Name, string IssuerPath, string AuthorizePath, string TokenPath, string KeysPath, string TenantId)
{
    public static OidcDialect Slack(string teamId) =>
        new("slack", "", "/openid/connect/authorize", "/api/openid.connect.token", "/openid/connect/keys", teamId);

    public static OidcDialect Entra(string tenantId) =>
        new("entra", $"/{tenantId}/v2.0", $"/{tenantId}/oauth2/v2.0/authorize", $"/{tenantId}/oauth2/v2.0/token", $"/{tenantId}/discovery/v2.0/keys", tenantId);

    public bool IsSlack => Name == "slack";

    public string DiscoveryPath => $"{IssuerPath}/.well-known/openid-configuration";

    /// <summary>The person's claims as this provider puts them in an id_token (iss, aud, times and nonce come on top).</summary>
    public Dictionary<string, object> ClaimsFor(IssuerPerson person, string clientId, string? teamName)
    {
        var (given, family) = person.Name.Split(' ', 2) is [var g, var f] ? (g, f) : (person.Name, "");
        return IsSlack
            ? new()
            {
                ["sub"] = person.Id,
                ["https://slack.com/user_id"] = person.Id,
                ["https://slack.com/team_id"] = TenantId,
                ["https://slack.com/team_name"] = teamName ?? TenantId,
                ["email"] = person.Email,
                ["email_verified"] = true,
                ["name"] = person.Name,
                ["given_name"] = given,
                ["family_name"] = family,
                ["locale"] = "en-US",
            }
            : new()
            {
                // Entra's sub is pairwise (per app); oid is the stable object id that Teams calls aadObjectId.
                ["sub"] = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes($"{clientId}:{person.Id}")))[..43],
                ["oid"] = person.Id,
                ["tid"] = TenantId,
                ["ver"] = "2.0",
                ["name"] = person.Name,
                ["preferred_username"] = person.Email,
                ["email"] = person.Email,
            };
    }
}

/// <summary>Someone the local issuer can sign in: a Slack user id (U…) or an Entra object id.</summary>
public sealed record IssuerPerson(string Id, string Name, string Email, string Title);
