using System.Net;

namespace CoachBot.Bot.Slack;

/// <summary>The small page a person sees after installing (or failing to). Everything shown is HTML-encoded.</summary>
internal static class SlackInstallPage
{
    public static IResult Render(HttpContext http, int status, string title, string message)
    {
        // The redirect URL carries Slack's code: the page loads nothing and sends no Referer, and nobody caches it.
        http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'";
        http.Response.Headers["Referrer-Policy"] = "no-referrer";
        http.Response.Headers.CacheControl = "no-store";
        var html = $"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>{WebUtility.HtmlEncode(title)}</title>
            <style>body{"{"}font-family:sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem{"}"}</style></head>
            <body><h1>{WebUtility.HtmlEncode(title)}</h1><p>{WebUtility.HtmlEncode(message)}</p></body></html>
            """;
        return TypedResults.Content(html, "text/html; charset=utf-8", statusCode: status);
    }
}
