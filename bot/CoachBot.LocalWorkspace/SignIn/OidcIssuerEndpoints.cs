using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace CoachBot.LocalWorkspace.SignIn;

/// <summary>The provider's four protocol endpoints: discovery, authorize (a person picker), token and JWKS.</summary>
public static class OidcIssuerEndpoints
{
    public static IEndpointRouteBuilder MapOidcIssuer(this IEndpointRouteBuilder app, OidcIssuer issuer)
    {
        var dialect = issuer.Dialect;
        var group = app.MapGroup("").DisableAntiforgery();
        group.MapGet(dialect.DiscoveryPath, (HttpRequest request) => TypedResults.Text(Discovery(issuer, BaseUrl(request)), "application/json"));
        group.MapGet(dialect.KeysPath, () => TypedResults.Text(issuer.JwksJson(), "application/json"));
        group.MapGet(dialect.AuthorizePath, (HttpRequest request) => Authorize(issuer, request));
        group.MapPost(dialect.TokenPath, async (HttpRequest request) => await TokenAsync(issuer, request));
        return app;
    }

    private static IResult Authorize(OidcIssuer issuer, HttpRequest request)
    {
        string Query(string name) => request.Query[name].ToString();
        // A wrong client or redirect URI is shown to the person, never redirected to: the URI is not trusted yet.
        if (Query("client_id") != issuer.ClientId)
        {
            return SignInPickerPage.Error("This sign-in link names an app this workspace does not know (client_id). Check Console:Slack:ClientId.");
        }

        if (!Uri.TryCreate(Query("redirect_uri"), UriKind.Absolute, out var redirect) || !redirect.IsLoopback || redirect.Query.Length > 0)
        {
            return SignInPickerPage.Error("This local issuer only signs people in to an app on this machine (a loopback redirect_uri without a query).");
        }

        string? problem = Query("response_type") != "code" ? "unsupported_response_type"
            : Query("code_challenge").Length == 0 || Query("code_challenge_method") != "S256" ? "invalid_request"
            : Query("response_mode") is { Length: > 0 } mode && mode != "query" ? "invalid_request"
            : !Query("scope").Split(' ').Contains("openid") ? "invalid_scope"
            : null;
        if (problem is not null)
        {
            return Redirect(redirect, ("error", problem), ("error_description", "Use the authorization code flow with PKCE (S256), response_mode=query and the openid scope."), ("state", Query("state")));
        }

        if (issuer.Find(Query("user")) is not { } person)
        {
            return SignInPickerPage.Picker(issuer, request);
        }

        var code = issuer.IssueCode(person, redirect.ToString(), Query("code_challenge"), Query("nonce") is { Length: > 0 } nonce ? nonce : null);
        return Redirect(redirect, ("code", code), ("state", Query("state")));
    }

    private static async Task<IResult> TokenAsync(OidcIssuer issuer, HttpRequest request)
    {
        var form = request.HasFormContentType
            ? (await request.ReadFormAsync()).ToDictionary(f => f.Key, f => f.Value.ToString())
            : [];
        if (request.Headers.Authorization.ToString() is { } basic && basic.StartsWith("Basic ", StringComparison.Ordinal))
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(basic["Basic ".Length..])).Split(':', 2);
            form["client_id"] = Uri.UnescapeDataString(pair[0]);
            form["client_secret"] = pair.Length > 1 ? Uri.UnescapeDataString(pair[1]) : "";
        }

        var outcome = issuer.Redeem(BaseUrl(request), form);
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        if (issuer.Dialect.IsSlack)
        {
            // Like every Slack Web API method: HTTP 200 either way, ok says which.
            return outcome.Error is { } slackError
                ? TypedResults.Json(new { ok = false, error = slackError })
                : TypedResults.Json(new { ok = true, access_token = outcome.AccessToken, token_type = "Bearer", id_token = outcome.IdToken });
        }

        if (outcome.Error is { } error)
        {
            // Entra repeats the AADSTS number of its description in error_codes.
            var description = outcome.Description ?? "";
            var code = int.Parse(description[6..description.IndexOf(':')]);
            return TypedResults.Json(
                new { error, error_description = description, error_codes = new[] { code }, timestamp = DateTime.UtcNow.ToString("u"), trace_id = Guid.NewGuid(), correlation_id = Guid.NewGuid() },
                statusCode: error == "invalid_client" ? 401 : 400);
        }

        return TypedResults.Json(new { token_type = "Bearer", scope = "openid profile email", expires_in = 3600, access_token = outcome.AccessToken, id_token = outcome.IdToken });
    }

    private static string Discovery(OidcIssuer issuer, Uri baseUrl)
    {
        var d = issuer.Dialect;
        var root = baseUrl.ToString().TrimEnd('/');
        var document = new Dictionary<string, object>
        {
            ["issuer"] = issuer.IssuerId(baseUrl),
            ["authorization_endpoint"] = root + d.AuthorizePath,
            ["token_endpoint"] = root + d.TokenPath,
            ["jwks_uri"] = root + d.KeysPath,
            ["scopes_supported"] = new[] { "openid", "profile", "email" },
            ["response_types_supported"] = new[] { "code" },
            // Slack advertises query only, and neither here has an end_session_endpoint: sign-out is the app's own.
            ["response_modes_supported"] = new[] { "query" },
            ["grant_types_supported"] = new[] { "authorization_code" },
            ["subject_types_supported"] = new[] { d.IsSlack ? "public" : "pairwise" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["token_endpoint_auth_methods_supported"] = new[] { "client_secret_post", "client_secret_basic" },
            ["code_challenge_methods_supported"] = new[] { "S256" },
            ["claims_supported"] = d.IsSlack
                ? new[] { "sub", "https://slack.com/user_id", "https://slack.com/team_id", "email", "email_verified", "name", "given_name", "family_name", "locale", "https://slack.com/team_name" }
                : new[] { "sub", "oid", "tid", "ver", "name", "preferred_username", "email", "nonce" },
        };
        return System.Text.Json.JsonSerializer.Serialize(document);
    }

    private static Uri BaseUrl(HttpRequest request) => new($"{request.Scheme}://{request.Host}/");

    private static IResult Redirect(Uri redirect, params (string Name, string Value)[] parameters) =>
        TypedResults.Redirect(QueryHelpers.AddQueryString(redirect.ToString(), parameters.Where(p => p.Value.Length > 0).Select(p => KeyValuePair.Create(p.Name, (string?)p.Value))));
}
