using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;

namespace CoachBot.Bot.WebConsole;

/// <summary>The console's routes: sign-in and sign-out, the not-on-roster page, and the pages under /console/{slug}.</summary>
internal static class ConsoleEndpoints
{
    public static IEndpointRouteBuilder MapConsoleEndpoints(this IEndpointRouteBuilder app)
    {
        var console = app.MapGroup(ConsolePaths.Root)
            .AddEndpointFilter<ConsoleSecurityHeadersFilter>()
            .AddEndpointFilter<ConsoleAntiforgeryFilter>();
        console.MapGet("/assets/console.css", () => TypedResults.Bytes(ConsoleAssets.Stylesheet, "text/css; charset=utf-8"));
        console.MapGet("/signin", ConsoleSignInPage.RenderAsync);
        console.MapGet("/signin/{scheme}", async (string scheme, string? returnUrl, IAuthenticationSchemeProvider schemes) =>
            scheme is ConsoleSchemes.Slack or ConsoleSchemes.Entra && await schemes.GetSchemeAsync(scheme) is not null
                ? Results.Challenge(new AuthenticationProperties { RedirectUri = LocalConsoleUrl(returnUrl) }, [scheme])
                : ConsolePage.Html(ConsoleLayout.Message("Sign-in", "That sign-in is not set up here. Go back and choose one of the sign-in buttons."), 404));
        console.MapGet("/not-on-roster", () => ConsolePage.Html(ConsoleLayout.Message("Not on CoachBot's roster",
            "You signed in, but your account is not on CoachBot's roster for its workspace, so the console has nothing to show you. " +
            "Ask your CoachBot admin to add you, then sign in again."), 403));

        var signedIn = console.MapGroup("").RequireAuthorization(ConsoleSchemes.Policy);
        signedIn.MapPost("/signout", async (HttpContext http, ConsoleViewers viewers, ILogger<ConsoleViewers> logger) =>
        {
            if (await viewers.FindAsync(http.User, http.RequestAborted) is { } viewer)
            {
                ConsoleLog.SignedOut(logger, viewer.PersonId);
            }

            // Local only: Slack publishes no end_session_endpoint, and leaving the console should not sign anyone out of Slack.
            await http.SignOutAsync(ConsoleSchemes.Cookie);
            return Results.Redirect($"{ConsolePaths.SignIn}?signedout=1");
        });
        signedIn.MapGet("", ConsolePage.RenderAsync);
        signedIn.MapGet("/{slug}", ConsolePage.RenderAsync);
        return app;
    }

    // Only back into the console: a return URL from the query must never send the person to another site.
    private static string LocalConsoleUrl(string? returnUrl) =>
        returnUrl is { } url && url.StartsWith(ConsolePaths.Root, StringComparison.Ordinal) && !url.StartsWith("//", StringComparison.Ordinal) && !url.Contains('\\')
            ? url
            : ConsolePaths.Root;
}
