using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;

namespace CoachBot.Bot.WebConsole;

/// <summary>One signed-in page view: the viewer from the roster, the nav they may see, and the page they asked for.</summary>
internal static class ConsolePage
{
    public static async Task<IResult> RenderAsync(
        HttpContext http, ConsoleViewers viewers, IEnumerable<IConsolePage> pages, IAntiforgery antiforgery, string? slug = null)
    {
        if (await viewers.FindAsync(http.User, http.RequestAborted) is not { } viewer)
        {
            // Signed in earlier, since removed from the roster: the cookie is worth nothing now.
            await http.SignOutAsync(ConsoleSchemes.Cookie);
            return Results.Redirect(ConsolePaths.NotOnRoster);
        }

        var visible = pages.Where(p => p.IsVisibleTo(viewer)).OrderBy(p => p.Order).ThenBy(p => p.Title, StringComparer.Ordinal).ToList();
        var shell = new ConsoleLayout(viewer, visible, antiforgery.GetAndStoreTokens(http).RequestToken ?? "");
        if (slug is null)
        {
            return visible is [var first, ..]
                ? Results.Redirect($"{ConsolePaths.Root}/{Uri.EscapeDataString(first.Slug)}")
                : Html(shell.Render("Console", null, Paragraph("There is nothing for your role in the console yet. Ask your CoachBot admin if you expected to see something here.")), 200);
        }

        if (pages.FirstOrDefault(p => string.Equals(p.Slug, slug, StringComparison.OrdinalIgnoreCase)) is not { } page)
        {
            return Html(shell.Render("Page not found", null, Paragraph($"There is no console page called “{slug}”. Choose a page from the menu above.")), 404);
        }

        if (!visible.Contains(page))
        {
            return Html(shell.Render(page.Title, null, Paragraph($"Your role does not include the {page.Title} page. Choose a page from the menu above, or ask your CoachBot admin if you need it.")), 403);
        }

        var query = http.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
        return Html(shell.Render(page.Title, page.Slug, await page.RenderAsync(viewer, query, http.RequestAborted)), 200);
    }

    public static IResult Html(string html, int status) => TypedResults.Content(html, "text/html; charset=utf-8", Encoding.UTF8, status);

    private static string Paragraph(string text) => $"<p class=\"notice\">{ConsoleLayout.Encode(text)}</p>";
}
