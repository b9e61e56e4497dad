using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using CoachBot.Testing.Teams;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CoachBot.Testing.Crm;

/// <summary>
/// A loopback Salesforce org in the real wire shapes: <c>/services/oauth2/token</c> (JWT bearer, whose assertion is
/// verified against <see cref="PrivateKeyPem"/>'s public key with its iss/sub/aud/exp, and client credentials), SOQL at
/// <c>/services/data/vNN.0/query</c> with nextRecordsUrl batches of at most 2,000, a LastModifiedDate filter, 401
/// INVALID_SESSION_ID for expired sessions, <c>Sforce-Limit-Info</c> on every answer and 403 REQUEST_LIMIT_EXCEEDED past
/// the daily allowance. Records are the ones added with AddUser/AddOpportunity/AddTask/AddEvent.
/// </summary>
public sealed partial class FakeSalesforce : IAsyncDisposable
{
    public const string ClientId = "3MVG9fakeConsumerKey";
    public const string ClientSecret = "fake-consumer-secret";
    public const string Username = "coachbot@acme.example";
    private static readonly RSA SigningKey = RSA.Create(2048);
    private readonly ConcurrentDictionary<string, bool> _sessions = new();
    private readonly ConcurrentQueue<(int Status, string Code, string Message)> _failures = new();
    private WebApplication? _app;
    private int _tokens;
    private long _used;

    public static string PrivateKeyPem { get; } = SigningKey.ExportPkcs8PrivateKeyPem();

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>What the JWT's aud must be: the login host, without a trailing slash.</summary>
    public string LoginUrl => BaseUrl.AbsoluteUri.TrimEnd('/');

    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>A multi-currency org has CurrencyIsoCode on Opportunity; others answer INVALID_FIELD for it.</summary>
    public bool MultiCurrency { get; set; }

    public long DailyAllowance { get; set; } = 15_000;

    public long Used => Interlocked.Read(ref _used);

    /// <summary>Records per query batch; Salesforce's default and maximum is 2,000.</summary>
    public int BatchSize { get; set; } = 2000;

    /// <summary>Every REST API call: "GET /services/data/v61.0/query?q=SELECT …" (decoded) or ".../query/01g…-2000".</summary>
    public ConcurrentQueue<string> Calls { get; } = new();

    /// <summary>Each token request's grant_type (never the assertion or secret).</summary>
    public ConcurrentQueue<string> TokenRequests { get; } = new();

    public static async Task<FakeSalesforce> StartAsync()
    {
        var fake = new FakeSalesforce();
        (fake._app, fake.BaseUrl) = await LoopbackServer.StartAsync(app =>
        {
            app.MapPost("/services/oauth2/token", fake.TokenAsync);
            app.MapGet("/services/data/{version}/query", (string version, HttpRequest request, HttpResponse response) =>
                fake.Api(request, response, () => fake.Query(version, request.Query["q"].ToString())));
            app.MapGet("/services/data/{version}/query/{locator}", (string version, string locator, HttpRequest request, HttpResponse response) =>
                fake.Api(request, response, () => fake.NextBatch(version, locator)));
        });
        return fake;
    }

    public void SetUsage(long used) => Interlocked.Exchange(ref _used, used);

    /// <summary>Every session issued so far stops working, as when it times out: the API answers 401 INVALID_SESSION_ID.</summary>
    public void ExpireSessions() => _sessions.Clear();

    /// <summary>The next API call(s) answer this status and error body before anything else.</summary>
    public void FailNext(int status, string code, string message, int times = 1)
    {
        for (var i = 0; i < times; i++)
        {
            _failures.Enqueue((status, code, message));
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    private async Task<IResult> TokenAsync(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        var grant = form["grant_type"].ToString();
        TokenRequests.Enqueue(grant);
        var refusal = grant switch
        {
            "urn:ietf:params:oauth:grant-type:jwt-bearer" => await CheckAssertionAsync(form["assertion"].ToString()),
            "client_credentials" => form["client_id"] == ClientId && form["client_secret"] == ClientSecret ? null : ("invalid_client", "invalid client credentials"),
            _ => ("unsupported_grant_type", "grant type not supported"),
        };
        if (refusal is { } r)
        {
            return Results.Json(new { error = r.Item1, error_description = r.Item2 }, statusCode: 400);
        }

        var token = $"00DFAKE!session-{Interlocked.Increment(ref _tokens)}";
        _sessions[token] = true;
        return Results.Json(new
        {
            access_token = token,
            signature = "fake-signature",
            scope = "api",
            instance_url = LoginUrl,
            id = $"{LoginUrl}/id/00DFAKE/005FAKE",
            token_type = "Bearer",
            issued_at = Clock.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
        });
    }

    private async Task<(string, string)?> CheckAssertionAsync(string assertion)
    {
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(assertion, new TokenValidationParameters
        {
            ValidIssuer = ClientId,
            ValidAudience = LoginUrl,
            IssuerSigningKey = new RsaSecurityKey(SigningKey.ExportParameters(false)),
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            ValidateLifetime = false,
        });
        if (!result.IsValid)
        {
            return ("invalid_grant", result.Exception is SecurityTokenInvalidAudienceException ? "audience is invalid" : "invalid assertion");
        }

        var token = (JsonWebToken)result.SecurityToken;
        var now = Clock.GetUtcNow().UtcDateTime;
        // Salesforce wants exp in the future and at most 3 minutes away.
        return token.Subject != Username ? ("invalid_grant", "user hasn't approved this consumer")
            : token.ValidTo <= now || token.ValidTo > now.AddMinutes(3).AddSeconds(5) ? ("invalid_grant", "expired authorization code")
            : null;
    }

    private IResult Api(HttpRequest request, HttpResponse response, Func<IResult> answer)
    {
        Calls.Enqueue($"{request.Method} {request.Path}{Uri.UnescapeDataString(request.QueryString.ToString())}");
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.Ordinal) || !_sessions.ContainsKey(header[7..]))
        {
            return Error(401, "INVALID_SESSION_ID", "Session expired or invalid");
        }

        if (Interlocked.Increment(ref _used) > DailyAllowance)
        {
            Interlocked.Decrement(ref _used);
            return Error(403, "REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded.");
        }

        response.Headers["Sforce-Limit-Info"] = $"api-usage={Used}/{DailyAllowance}";
        return _failures.TryDequeue(out var failure) ? Error(failure.Status, failure.Code, failure.Message) : answer();
    }

    private static IResult Error(int status, string code, string message) => Results.Json(new[] { new { message, errorCode = code } }, statusCode: status);
}
