using CoachBot.Bot.WebConsole.Pages;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;

namespace CoachBot.Bot.WebConsole;

public static class ConsoleRegistration
{
    /// <summary>The console's sign-in (a cookie, and an OpenID Connect scheme per configured provider) and its services.</summary>
    public static WebApplicationBuilder AddWebConsole(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<IValidateOptions<ConsoleOptions>, ConsoleOptionsValidator>();
        services.AddOptions<ConsoleOptions>().BindConfiguration(ConsoleOptions.Section).ValidateOnStart();
        var settings = builder.Configuration.GetSection(ConsoleOptions.Section).Get<ConsoleOptions>() ?? new();
        if (!settings.Enabled)
        {
            return builder;
        }

        var production = builder.Environment.IsProduction();
        var secure = production ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        var authentication = services.AddAuthentication().AddCookie(ConsoleSchemes.Cookie, cookie =>
        {
            cookie.Cookie.Name = "coachbot.console";
            cookie.Cookie.Path = ConsolePaths.Root;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = secure;
            cookie.LoginPath = ConsolePaths.SignIn;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = true;
            // Sign-in lifetimes follow the wall clock, not the demo clock that fast-forward moves.
            cookie.TimeProvider = TimeProvider.System;
        });
        if (settings.Slack.IsConfigured)
        {
            authentication.AddOpenIdConnect(ConsoleSchemes.Slack, "Slack", oidc => ConfigureOidc(oidc, ConsoleSchemes.Slack, settings.Slack.Authority,
                settings.Slack.ClientId, settings.Slack.ClientSecret, settings.RequireHttpsMetadata, secure));
        }

        if (settings.Entra.IsConfigured)
        {
            authentication.AddOpenIdConnect(ConsoleSchemes.Entra, "Microsoft", oidc => ConfigureOidc(oidc, ConsoleSchemes.Entra, settings.Entra.EffectiveAuthority,
                settings.Entra.ClientId, settings.Entra.ClientSecret, settings.RequireHttpsMetadata, secure));
        }

        services.AddAuthorizationBuilder().AddPolicy(ConsoleSchemes.Policy, policy => policy
            .AddAuthenticationSchemes(ConsoleSchemes.Cookie)
            .RequireAuthenticatedUser()
            .RequireClaim(ConsoleViewers.PersonIdClaim));
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = "coachbot.console.antiforgery";
            antiforgery.Cookie.Path = ConsolePaths.Root;
            antiforgery.Cookie.SecurePolicy = secure;
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
        });
        // The handler logs a visitor's spoilt or expired id_token as an app error; ConsoleSignInEvents records every
        // failed sign-in as a warning with its cause, so only that handler's Error level is dropped.
        builder.Logging.AddFilter(typeof(OpenIdConnectHandler).FullName, level => level >= LogLevel.Warning && level != LogLevel.Error);
        services.AddTransient<ConsoleSignInEvents>();
        services.AddSingleton<ConsoleViewers>();
        services.AddConsolePages();
        return builder;
    }

    public static WebApplication MapWebConsole(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<ConsoleOptions>>().Value.Enabled)
        {
            app.MapConsoleEndpoints();
        }

        return app;
    }

    private static void ConfigureOidc(OpenIdConnectOptions oidc, string scheme, string authority, string? clientId, string? clientSecret, bool requireHttps, CookieSecurePolicy secure)
    {
        oidc.Authority = authority;
        oidc.ClientId = clientId;
        oidc.ClientSecret = clientSecret;
        oidc.RequireHttpsMetadata = requireHttps;
        oidc.ResponseType = "code";
        oidc.UsePkce = true;
        // Slack offers only response_mode=query; Entra accepts it too, and it lets the correlation cookies be SameSite=Lax.
        oidc.ResponseMode = "query";
        oidc.Scope.Clear();
        oidc.Scope.Add("openid");
        oidc.Scope.Add("profile");
        oidc.Scope.Add("email");
        oidc.CallbackPath = $"{ConsolePaths.Root}/signin-{scheme}";
        oidc.SignInScheme = ConsoleSchemes.Cookie;
        oidc.MapInboundClaims = false;
        oidc.SaveTokens = false;
        oidc.GetClaimsFromUserInfoEndpoint = false;
        oidc.DisableTelemetry = true;
        oidc.TimeProvider = TimeProvider.System;
        oidc.CorrelationCookie.SameSite = SameSiteMode.Lax;
        oidc.CorrelationCookie.SecurePolicy = secure;
        oidc.NonceCookie.SameSite = SameSiteMode.Lax;
        oidc.NonceCookie.SecurePolicy = secure;
        oidc.EventsType = typeof(ConsoleSignInEvents);
    }
}
