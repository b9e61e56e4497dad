using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.WebUtilities;

namespace CoachBot.Bot.WebConsole;

/// <summary>Where an unauthenticated visitor lands: one button per configured provider, and why they are here.</summary>
internal static class ConsoleSignInPage
{
    public static async Task<IResult> RenderAsync(string? returnUrl, string? failed, string? signedout, IAuthenticationSchemeProvider schemes)
    {
        var buttons = "";
        foreach (var (scheme, label) in new[] { (ConsoleSchemes.Slack, "Sign in with Slack"), (ConsoleSchemes.Entra, "Sign in with Microsoft") })
        {
            if (await schemes.GetSchemeAsync(scheme) is not null)
            {
                var href = returnUrl is { Length: > 0 } ? QueryHelpers.AddQueryString($"{ConsolePaths.SignIn}/{scheme}", "returnUrl", returnUrl) : $"{ConsolePaths.SignIn}/{scheme}";
                buttons += $"<a class=\"button\" data-scheme=\"{scheme}\" href=\"{ConsoleLayout.Encode(href)}\">{label}</a>";
            }
        }

        var text = failed is not null
            ? "Sign-in did not complete. Please try again; if it keeps failing, ask your CoachBot admin to check the console's sign-in settings."
            : signedout is not null
                ? "You are signed out of the CoachBot console. Sign in again to continue."
                : "Sign in with the account you use for chat, and CoachBot shows you what your role on its roster allows.";
        return ConsolePage.Html(ConsoleLayout.Message("Sign in to the CoachBot console", text, $"<p class=\"providers\">{buttons}</p>"), 200);
    }
}
