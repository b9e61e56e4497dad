using CoachBot.Platforms.Teams;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace CoachBot.Bot.Teams;

/// <summary>
/// The stock JwtBearer handler with Bot Framework parameters (rules 1-6: bearer, well-formed, issuer, audience = AppId,
/// lifetime with 5 min skew, RS256 signature from the Bot Framework keys, refreshed on an unknown kid).
/// </summary>
internal sealed class BotFrameworkAuthentication(IOptions<TeamsOptions> teams, IHostEnvironment environment, ILogger<BotFrameworkAuthentication> logger)
    : IConfigureNamedOptions<JwtBearerOptions>
{
    public const string Scheme = "BotFramework";
    public const string SigningKeyId = "teams.kid";
    public const string ServiceUrlClaim = "serviceurl";

    public void Configure(string? name, JwtBearerOptions options)
    {
        if (name == Scheme)
        {
            Configure(options);
        }
    }

    public void Configure(JwtBearerOptions options)
    {
        var settings = teams.Value;
        var metadata = new Uri(settings.OpenIdMetadataUrl);
        options.MapInboundClaims = false;
        options.IncludeErrorDetails = environment.IsDevelopment();
        options.RefreshOnIssuerKeyNotFound = true;
        options.ConfigurationManager = new ConfigurationManager<OpenIdConnectConfiguration>(
            settings.OpenIdMetadataUrl,
            new OpenIdConnectConfigurationRetriever(),
            new HttpDocumentRetriever { RequireHttps = !metadata.IsLoopback }); // loopback http only for test issuers
        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = TeamsOptions.BotFrameworkIssuer,
            ValidAudience = settings.AppId,
            ValidateAudience = true,
            ValidateIssuer = true,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ValidateIssuerSigningKey = true,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            ClockSkew = TimeSpan.FromMinutes(5),
            AuthenticationType = Scheme,
        };
        options.Events = new JwtBearerEvents
        {
            OnMessageReceived = context =>
            {
                // No AppId (Teams off, or local no-auth mode): there is no audience to validate against, so tokens are not looked at.
                if (!teams.Value.HasCredentials)
                {
                    context.NoResult();
                }

                return Task.CompletedTask;
            },
            OnTokenValidated = context =>
            {
                context.HttpContext.Items[SigningKeyId] = (context.SecurityToken as JsonWebToken)?.Kid;
                return Task.CompletedTask;
            },
            OnAuthenticationFailed = context =>
            {
                LogRejected(context.Request, context.Exception.GetType().Name);
                return Task.CompletedTask;
            },
            OnChallenge = context =>
            {
                if (teams.Value.HasCredentials && context.AuthenticateFailure is null)
                {
                    Log.TokenRejected(logger, "no bearer token", null, null, null);
                }

                return Task.CompletedTask;
            },
        };
    }

    // What helps with 401 loops: who issued the rejected token, for whom, until when. Never the token itself.
    private void LogRejected(HttpRequest request, string reason)
    {
        var header = request.Headers.Authorization.ToString();
        var raw = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header[7..].Trim() : "";
        string? issuer = null, audience = null;
        DateTime? expiry = null;
        try
        {
            var token = new JsonWebToken(raw);
            issuer = token.Issuer;
            audience = string.Join(",", token.Audiences);
            expiry = token.ValidTo == DateTime.MinValue ? null : token.ValidTo;
        }
        catch (ArgumentException)
        {
            reason += " (not a JWT)";
        }

        Log.TokenRejected(logger, reason, issuer, audience, expiry);
    }
}
