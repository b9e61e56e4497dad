using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CoachBot.Testing.Teams;

/// <summary>
/// A local stand-in for login.botframework.com: OpenID metadata and a JWKS (with Bot Framework's extra
/// <c>endorsements</c>) on loopback, and real RS256 tokens signed with its keys. One key is endorsed for
/// msteams, the other only for webchat.
/// </summary>
public sealed class BotFrameworkIssuer : IAsyncDisposable
{
    public const string Issuer = "https://api.botframework.com";
    private readonly RSA _teamsKey = RSA.Create(2048);
    private readonly RSA _webchatKey = RSA.Create(2048);
    private WebApplication? _app;

    public Uri BaseUrl { get; private set; } = null!;

    public string MetadataUrl => new Uri(BaseUrl, "v1/.well-known/openidconfiguration").AbsoluteUri;

    public int MetadataRequests { get; private set; }

    public static async Task<BotFrameworkIssuer> StartAsync()
    {
        var issuer = new BotFrameworkIssuer();
        (issuer._app, issuer.BaseUrl) = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/v1/.well-known/openidconfiguration", () =>
            {
                issuer.MetadataRequests++;
                return Results.Json(new JsonObject
                {
                    ["issuer"] = Issuer,
                    ["jwks_uri"] = new Uri(issuer.BaseUrl, "v1/.well-known/keys").AbsoluteUri,
                    ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
                });
            });
            app.MapGet("/v1/.well-known/keys", () => Results.Json(new JsonObject
            {
                ["keys"] = new JsonArray(Jwk(issuer._teamsKey, "teams-key", "msteams"), Jwk(issuer._webchatKey, "webchat-key", "webchat")),
            }));
        });
        return issuer;
    }

    public string Mint(string audience, string serviceUrl, BotTokenFlaw flaw = BotTokenFlaw.None)
    {
        var now = DateTime.UtcNow;
        var (notBefore, expires) = flaw switch
        {
            BotTokenFlaw.Expired => (now.AddHours(-2), now.AddMinutes(-10)),
            BotTokenFlaw.NotYetValid => (now.AddMinutes(10), now.AddHours(1)),
            _ => (now.AddMinutes(-1), now.AddHours(1)),
        };
        var claims = new Dictionary<string, object> { ["appid"] = "connector-app-id" };
        if (flaw != BotTokenFlaw.NoServiceUrl)
        {
            claims["serviceurl"] = flaw == BotTokenFlaw.WrongServiceUrl ? "https://attacker.example.com/" : serviceUrl;
        }

        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = flaw == BotTokenFlaw.WrongIssuer ? "https://sts.windows.net/some-tenant/" : Issuer,
            Audience = flaw == BotTokenFlaw.WrongAudience ? "some-other-app" : audience,
            NotBefore = notBefore,
            IssuedAt = notBefore,
            Expires = expires,
            Claims = claims,
            SigningCredentials = new SigningCredentials(
                new RsaSecurityKey(flaw == BotTokenFlaw.NotEndorsedForTeams ? _webchatKey : _teamsKey)
                {
                    KeyId = flaw == BotTokenFlaw.NotEndorsedForTeams ? "webchat-key" : "teams-key",
                },
                SecurityAlgorithms.RsaSha256),
        };
        var token = new JsonWebTokenHandler().CreateToken(descriptor);
        return flaw switch
        {
            // Same header and claims, signature stripped.
            BotTokenFlaw.Unsigned => token[..(token.LastIndexOf('.') + 1)],
            BotTokenFlaw.AlgNone => $"{Base64Url("""{"alg":"none","typ":"JWT"}""")}.{token.Split('.')[1]}.",
            _ => token,
        };
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        _teamsKey.Dispose();
        _webchatKey.Dispose();
    }

    private static JsonObject Jwk(RSA key, string kid, string endorsement)
    {
        var parameters = key.ExportParameters(includePrivateParameters: false);
        return new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = kid,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
            ["endorsements"] = new JsonArray(endorsement),
        };
    }

    private static string Base64Url(string text) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(text));
}
