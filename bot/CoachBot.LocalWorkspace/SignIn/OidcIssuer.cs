using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CoachBot.LocalWorkspace.SignIn;

/// <summary>
/// A local OpenID Connect provider for one client: authorization code + PKCE (S256 required), RS256 id_tokens from a
/// key made at start-up, one-time codes that live a minute. Times are the wall clock's (not the demo clock's), as the
/// relying party validates them against its own.
/// </summary>
public sealed class OidcIssuer(OidcDialect dialect, string clientId, string clientSecret, IReadOnlyList<IssuerPerson> people, string? teamName = null)
{
    private static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(1);
    private readonly RsaSecurityKey _key = new(RSA.Create(2048)) { KeyId = $"local-{Guid.NewGuid():N}"[..14] };
    private readonly ConcurrentDictionary<string, Grant> _codes = new();

    public OidcDialect Dialect => dialect;
    public string ClientId => clientId;
    public IReadOnlyList<IssuerPerson> People => people;
    public string? TeamName => teamName;
    public IdTokenFault Fault { get; set; }

    /// <summary>Called on the token endpoint before anything else: a test's stand-in for a provider outage or refusal.</summary>
    public string? ForcedTokenError { get; set; }

    public IssuerPerson? Find(string id) => people.FirstOrDefault(p => p.Id == id);

    /// <summary>A one-time code for <paramref name="person"/>, bound to the client's redirect URI, PKCE challenge and nonce.</summary>
    public string IssueCode(IssuerPerson person, string redirectUri, string codeChallenge, string? nonce)
    {
        var code = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(24));
        _codes[code] = new Grant(person, redirectUri, codeChallenge, nonce, DateTimeOffset.UtcNow + CodeLifetime);
        return code;
    }

    /// <summary>Redeems a code; the error is the provider's code (Slack's "invalid_code", Entra's "invalid_grant" …).</summary>
    public TokenOutcome Redeem(Uri issuer, IReadOnlyDictionary<string, string> form)
    {
        string Field(string name) => form.TryGetValue(name, out var value) ? value : "";
        if (ForcedTokenError is { } forced)
        {
            return TokenOutcome.Failed(forced, "AADSTS50000: There was an error issuing a token.");
        }

        if (Field("client_id") != clientId)
        {
            return TokenOutcome.Failed(dialect.IsSlack ? "invalid_client_id" : "invalid_client", "AADSTS700016: Application not found in the directory.");
        }

        if (!FixedTimeEquals(Field("client_secret"), clientSecret))
        {
            return TokenOutcome.Failed(dialect.IsSlack ? "bad_client_secret" : "invalid_client", "AADSTS7000215: Invalid client secret provided.");
        }

        if (Field("grant_type") != "authorization_code")
        {
            return TokenOutcome.Failed(dialect.IsSlack ? "invalid_grant_type" : "unsupported_grant_type", "AADSTS70003: The app requested an unsupported grant type.");
        }

        if (!_codes.TryRemove(Field("code"), out var grant) || grant.ExpiresAt < DateTimeOffset.UtcNow)
        {
            return TokenOutcome.Failed(dialect.IsSlack ? "invalid_code" : "invalid_grant", "AADSTS70008: The provided authorization code is expired, already redeemed or unknown.");
        }

        if (Field("redirect_uri") != grant.RedirectUri)
        {
            return TokenOutcome.Failed(dialect.IsSlack ? "bad_redirect_uri" : "invalid_grant", "AADSTS50011: The redirect URI does not match the one in the authorization request.");
        }

        var verifier = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(Field("code_verifier"))));
        if (!FixedTimeEquals(verifier, grant.CodeChallenge))
        {
            return TokenOutcome.Failed(dialect.IsSlack ? "invalid_code" : "invalid_grant", "AADSTS501481: The code_verifier does not match the code_challenge of the authorization request.");
        }

        var accessToken = (dialect.IsSlack ? "xoxp-local-" : "eyLocal.") + Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(24));
        return TokenOutcome.Issued(accessToken, IdToken(issuer, grant));
    }

    public string JwksJson()
    {
        var parameters = _key.Rsa.ExportParameters(false);
        var key = new { kty = "RSA", use = "sig", alg = "RS256", kid = _key.KeyId, n = Base64UrlEncoder.Encode(parameters.Modulus), e = Base64UrlEncoder.Encode(parameters.Exponent) };
        return JsonSerializer.Serialize(new { keys = new[] { key } });
    }

    private string IdToken(Uri issuer, Grant grant)
    {
        var now = DateTimeOffset.UtcNow - (Fault == IdTokenFault.Expired ? TimeSpan.FromMinutes(70) : TimeSpan.Zero);
        var claims = dialect.ClaimsFor(grant.Person, clientId, teamName);
        claims["iss"] = IssuerId(issuer);
        claims["aud"] = clientId;
        claims["iat"] = now.ToUnixTimeSeconds();
        claims["nbf"] = now.ToUnixTimeSeconds();
        claims["auth_time"] = now.ToUnixTimeSeconds();
        claims["exp"] = (now + TimeSpan.FromHours(1)).ToUnixTimeSeconds();
        if (grant.Nonce is { } nonce)
        {
            claims["nonce"] = nonce;
        }

        var token = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Claims = claims,
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
        });
        return Fault == IdTokenFault.Tampered ? Tamper(token, claims) : token;
    }

    public string IssuerId(Uri baseUrl) => baseUrl.ToString().TrimEnd('/') + dialect.IssuerPath;

    // Keeps header and signature, swaps in a payload naming someone else: what an attacker editing a token produces.
    private static string Tamper(string token, Dictionary<string, object> claims)
    {
        var parts = token.Split('.');
        claims["sub"] = claims["sub"] + "X";
        parts[1] = Base64UrlEncoder.Encode(JsonSerializer.Serialize(claims));
        return string.Join('.', parts);
    }

    private static bool FixedTimeEquals(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));

    private sealed record Grant(IssuerPerson Person, string RedirectUri, string CodeChallenge, string? Nonce, DateTimeOffset ExpiresAt);
}

public sealed record TokenOutcome(string? AccessToken, string? IdToken, string? Error, string? Description)
{
    public static TokenOutcome Issued(string accessToken, string idToken) => new(accessToken, idToken, null, null);

    public static TokenOutcome Failed(string error, string description) => new(null, null, error, description);
}
