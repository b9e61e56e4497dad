using System.Net.Http.Json;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json.Serialization;
using CoachBot.Coaching.Crm;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CoachBot.Platforms.Crm.Salesforce;

/// <summary>
/// Signs in at <c>/services/oauth2/token</c> by JWT bearer or client credentials. Salesforce states no expiry for the
/// token, so it is kept until a call is refused with INVALID_SESSION_ID; then exactly one caller asks for a new one.
/// </summary>
public sealed class SalesforceTokenSource(IHttpClientFactory httpClients, IOptions<SalesforceOptions> options, TimeProvider clock)
{
    public const string HttpClientName = "salesforce-token";
    private const string JwtBearer = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Lazy<SigningCredentials> _signing = new(() => Signing(options.Value.PrivateKeyPem));
    private SalesforceSession? _session;

    /// <summary>The cached session, or a new one when there is none or <paramref name="refused"/> is the cached one.</summary>
    public async Task<SalesforceSession> GetAsync(SalesforceSession? refused, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _session) is { } cached && !ReferenceEquals(cached, refused))
        {
            return cached;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_session is { } current && !ReferenceEquals(current, refused))
            {
                return current;
            }

            var session = await RequestAsync(cancellationToken);
            Volatile.Write(ref _session, session);
            return session;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<SalesforceSession> RequestAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        var form = o.UsesJwtBearer
            ? new Dictionary<string, string> { ["grant_type"] = JwtBearer, ["assertion"] = Assertion(o) }
            : new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_id"] = o.ClientId, ["client_secret"] = o.ClientSecret };
        HttpResponseMessage response;
        try
        {
            response = await httpClients.CreateClient(HttpClientName).PostAsync(new Uri($"{o.TokenHost}/services/oauth2/token"), new FormUrlEncodedContent(form), cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new CrmException(CrmFailure.Unavailable, $"Salesforce's sign-in at {o.TokenHost} could not be reached ({ex.HttpRequestError}); the next sync tries again.");
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                var refusal = await ReadAsync<TokenError>(response, cancellationToken);
                throw (int)response.StatusCode >= 500
                    ? new CrmException(CrmFailure.Unavailable, $"Salesforce's sign-in answered {(int)response.StatusCode}; the next sync tries again.")
                    : new CrmException(CrmFailure.Unauthorized, Explain(refusal, o));
            }

            var token = await ReadAsync<TokenResponse>(response, cancellationToken);
            return token is { AccessToken.Length: > 0, InstanceUrl: { } instance } && Uri.TryCreate(instance, UriKind.Absolute, out var url)
                ? new SalesforceSession(token.AccessToken, url)
                : throw new CrmException(CrmFailure.Unavailable, "Salesforce's sign-in answered without an access token or instance URL.");
        }
    }

    // RS256, iss = consumer key, sub = run-as user, aud = the login host; Salesforce refuses an exp more than 3 minutes out.
    private string Assertion(SalesforceOptions o)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = o.ClientId,
            Audience = o.LoginUrl.TrimEnd('/'),
            Subject = new ClaimsIdentity([new Claim("sub", o.Username)]),
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(2),
            SigningCredentials = _signing.Value,
        });
    }

    private static SigningCredentials Signing(string pem)
    {
        var rsa = RSA.Create();
        rsa.ImportFromPem(pem);
        return new SigningCredentials(new RsaSecurityKey(rsa), SecurityAlgorithms.RsaSha256);
    }

    // Salesforce's error and description name the fix; neither carries the key, the secret or the assertion.
    private static string Explain(TokenError? refusal, SalesforceOptions o)
    {
        var said = refusal is null ? "no reason given" : $"{refusal.Error}: {refusal.Description}";
        var fix = (refusal?.Error, refusal?.Description ?? "") switch
        {
            ("invalid_client_id", _) => "Check Crm:Salesforce:ClientId (the connected app's consumer key).",
            ("invalid_client", _) => "Check Crm:Salesforce:ClientSecret (the connected app's consumer secret).",
            (_, var d) when d.Contains("approved", StringComparison.OrdinalIgnoreCase) =>
                "Pre-authorize the run-as user: connected app > Manage > Permitted Users \"Admin approved users are pre-authorized\", and add the user's profile or permission set.",
            (_, var d) when d.Contains("client credentials", StringComparison.OrdinalIgnoreCase) =>
                "Enable the Client Credentials Flow on the connected app and set its Run As user.",
            _ when o.UsesJwtBearer => "Check Crm:Salesforce:Username, the certificate uploaded to the connected app (it must match PrivateKeyPem) and Crm:Salesforce:LoginUrl.",
            _ => "Check Crm:Salesforce:MyDomainUrl, ClientId and ClientSecret.",
        };
        return $"Salesforce refused CoachBot's sign-in ({Shorten(said)}). {fix}";
    }

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "…";

    private static async Task<T?> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken) where T : class
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<T>(cancellationToken);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private sealed record TokenResponse([property: JsonPropertyName("access_token")] string? AccessToken, [property: JsonPropertyName("instance_url")] string? InstanceUrl);

    private sealed record TokenError([property: JsonPropertyName("error")] string? Error, [property: JsonPropertyName("error_description")] string? Description);
}
