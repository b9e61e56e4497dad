using System.Net;
using System.Text;

namespace CoachBot.Bot.WebConsole;

/// <summary>The HTML shell around every page: the nav the viewer may see, their name and role, and the sign-out button.</summary>
internal sealed class ConsoleLayout(ConsoleViewer viewer, IReadOnlyList<IConsolePage> nav, string antiforgeryToken)
{
    public string Render(string title, string? currentSlug, string body)
    {
        var links = new StringBuilder();
        foreach (var page in nav)
        {
            var current = page.Slug == currentSlug ? " aria-current=\"page\"" : "";
            links.Append($"<a href=\"{ConsolePaths.Root}/{Encode(Uri.EscapeDataString(page.Slug))}\"{current}>{Encode(page.Title)}</a>");
        }

        return Document(title, $"""
            <header class="bar">
              <a class="brand" href="{ConsolePaths.Root}">CoachBot</a>
              <nav aria-label="Console pages">{links}</nav>
              <form class="who" method="post" action="{ConsolePaths.SignOut}">
                <span class="name" data-testid="viewer-name">{Encode(viewer.DisplayName.Raw)}</span>
                <span class="role" data-testid="viewer-role">{viewer.Role}</span>
                <input type="hidden" name="__RequestVerificationToken" value="{Encode(antiforgeryToken)}">
                <button type="submit">Sign out</button>
              </form>
            </header>
            <main><h1>{Encode(title)}</h1>{body}</main>
            """);
    }

    /// <summary>A page outside the signed-in shell (sign-in, not on the roster): a heading and one sentence.</summary>
    public static string Message(string title, string text, string extra = "") =>
        Document(title, $"""<main class="single"><h1>{Encode(title)}</h1><p class="notice">{Encode(text)}</p>{extra}</main>""");

    public static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static string Document(string title, string body) => $"""
        <!doctype html>
        <html lang="en">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{Encode(title)} · CoachBot console</title><link rel="stylesheet" href="{ConsolePaths.Stylesheet}"></head>
        <body>
        {body}
        </body>
        </html>
        """;
}
