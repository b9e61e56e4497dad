using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CoachBot.Testing.WebConsole;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.Tokens;

namespace CoachBot.IntegrationTests.WebConsole;

// The local issuer on its own, as a relying party sees it on the wire: the protocol facts the console's handler relies on.
public sealed class LocalIssuerTests : IAsyncLifetime
{
    private const string Redirect = "http://127.0.0.1:5080/console/signin-slack";
    private readonly HttpClient _http = new(new HttpClientHandler { AllowAutoRedirect = false });
    private LocalIssuerHost _slack = null!;
    private LocalIssuerHost _entra = null!;

    public async Task InitializeAsync()
    {
        _slack = await LocalIssuerHost.StartSlackAsync(ConsoleRoster.SlackTeam, ConsoleRoster.SlackPeople);
        _entra = await LocalIssuerHost.StartEntraAsync(ConsoleRoster.Tenant, ConsoleRoster.TeamsPeople);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _slack.DisposeAsync();
        await _entra.DisposeAsync();
    }

    [Fact]
    public async Task SlackDiscoveryOffersTheCodeFlowInQueryModeWithoutAnEndSessionEndpoint()
    {
        using var document = JsonDocument.Parse(await _http.GetStringAsync(new Uri(_slack.BaseUrl, ".well-known/openid-configuration")));
        var root = document.RootElement;

        Assert.Equal(_slack.Authority, root.GetProperty("issuer").GetString());
        Assert.Equal(_slack.BaseUrl + "api/openid.connect.token", root.GetProperty("token_endpoint").GetString());
        Assert.Equal(["query"], root.GetProperty("response_modes_supported").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["S256"], root.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(e => e.GetString()));
        Assert.False(root.TryGetProperty("end_session_endpoint", out _));
        using var keys = JsonDocument.Parse(await _http.GetStringAsync(root.GetProperty("jwks_uri").GetString()));
        Assert.Equal("RS256", keys.RootElement.GetProperty("keys")[0].GetProperty("alg").GetString());
    }

    [Fact]
    public async Task AnAuthorizeRequestWithoutPkceIsSentBackWithInvalidRequest()
    {
        using var response = await _http.GetAsync(AuthorizeUrl(_slack, challenge: null, user: "U0MAYA"));
        var query = QueryHelpers.ParseQuery(response.Headers.Location!.Query);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(Redirect, response.Headers.Location.ToString());
        Assert.Equal("invalid_request", query["error"]);
        Assert.Equal("st4te", query["state"]);
        Assert.False(query.ContainsKey("code"));
    }

    [Fact]
    public async Task AForeignRedirectUriIsShownAnErrorPageAndNeverRedirectedTo()
    {
        var url = AuthorizeUrl(_slack, "x", "U0MAYA").Replace(Uri.EscapeDataString(Redirect), Uri.EscapeDataString("https://evil.example/cb"));

        using var response = await _http.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Contains("only signs people in to an app on this machine", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SlackRefusesAWrongCodeVerifierAndAReusedCodeWithOkFalse()
    {
        var verifier = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        var code = await CodeAsync(_slack, verifier, "U0MAYA");

        var wrong = await RedeemAsync(_slack, code, verifier + "x");
        var code2 = await CodeAsync(_slack, verifier, "U0MAYA");
        var right = await RedeemAsync(_slack, code2, verifier);
        var again = await RedeemAsync(_slack, code2, verifier);

        Assert.Equal((HttpStatusCode.OK, false, "invalid_code"), (wrong.Status, wrong.Json.GetProperty("ok").GetBoolean(), wrong.Json.GetProperty("error").GetString()));
        Assert.True(right.Json.GetProperty("ok").GetBoolean());
        Assert.StartsWith("xoxp-", right.Json.GetProperty("access_token").GetString());
        var claims = Payload(right.Json.GetProperty("id_token").GetString()!);
        Assert.Equal("U0MAYA", claims.GetProperty("sub").GetString());
        Assert.Equal(ConsoleRoster.SlackTeam, claims.GetProperty("https://slack.com/team_id").GetString());
        Assert.Equal("n0nce", claims.GetProperty("nonce").GetString());
        Assert.Equal((HttpStatusCode.OK, "invalid_code"), (again.Status, again.Json.GetProperty("error").GetString()));
    }

    [Fact]
    public async Task EntraIssuesTenantAndObjectIdClaimsAndFailsInItsOwnShape()
    {
        var verifier = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        var code = await CodeAsync(_entra, verifier, ConsoleRoster.TeamsRepOid);

        var wrong = await RedeemAsync(_entra, code, "not-the-verifier");
        var right = await RedeemAsync(_entra, await CodeAsync(_entra, verifier, ConsoleRoster.TeamsRepOid), verifier);

        Assert.Equal(HttpStatusCode.BadRequest, wrong.Status);
        Assert.Equal("invalid_grant", wrong.Json.GetProperty("error").GetString());
        Assert.StartsWith("AADSTS501481:", wrong.Json.GetProperty("error_description").GetString());
        Assert.Equal(501481, wrong.Json.GetProperty("error_codes")[0].GetInt32());
        var claims = Payload(right.Json.GetProperty("id_token").GetString()!);
        Assert.Equal(ConsoleRoster.Tenant, claims.GetProperty("tid").GetString());
        Assert.Equal(ConsoleRoster.TeamsRepOid, claims.GetProperty("oid").GetString());
        Assert.Equal("2.0", claims.GetProperty("ver").GetString());
        Assert.NotEqual(ConsoleRoster.TeamsRepOid, claims.GetProperty("sub").GetString());
        Assert.Equal(_entra.Authority, claims.GetProperty("iss").GetString());
    }

    private static string AuthorizeUrl(LocalIssuerHost issuer, string? challenge, string user)
    {
        var query = new Dictionary<string, string?>
        {
            ["response_type"] = "code", ["client_id"] = issuer.ClientId, ["redirect_uri"] = Redirect, ["scope"] = "openid email profile",
            ["state"] = "st4te", ["nonce"] = "n0nce", ["user"] = user,
        };
        if (challenge is not null)
        {
            query["code_challenge"] = challenge;
            query["code_challenge_method"] = "S256";
        }

        return QueryHelpers.AddQueryString(issuer.BaseUrl.ToString().TrimEnd('/') + issuer.Issuer.Dialect.AuthorizePath, query);
    }

    private async Task<string> CodeAsync(LocalIssuerHost issuer, string verifier, string user)
    {
        var challenge = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        using var response = await _http.GetAsync(AuthorizeUrl(issuer, challenge, user));
        return QueryHelpers.ParseQuery(response.Headers.Location!.Query)["code"]!;
    }

    private async Task<(HttpStatusCode Status, JsonElement Json)> RedeemAsync(LocalIssuerHost issuer, string code, string verifier)
    {
        using var response = await _http.PostAsync(issuer.BaseUrl.ToString().TrimEnd('/') + issuer.Issuer.Dialect.TokenPath, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = Redirect, ["code_verifier"] = verifier,
            ["client_id"] = issuer.ClientId, ["client_secret"] = issuer.ClientSecret,
        }));
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    private static JsonElement Payload(string jwt) => JsonDocument.Parse(Base64UrlEncoder.Decode(jwt.Split('.')[1])).RootElement.Clone();
}
