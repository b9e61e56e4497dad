using System.Net;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace CoachBot.LocalWorkspace.SignIn;

/// <summary>The issuer's authorize page: instead of a password, pick who you are (the provider proves nothing else locally).</summary>
internal static class SignInPickerPage
{
    public static IResult Picker(OidcIssuer issuer, HttpRequest request)
    {
        var keep = request.Query.Where(q => q.Key != "user").ToDictionary(q => q.Key, q => (string?)q.Value.ToString());
        var html = new StringBuilder();
        foreach (var person in issuer.People)
        {
            var href = QueryHelpers.AddQueryString(request.Path, keep.Append(KeyValuePair.Create("user", (string?)person.Id)));
            html.Append($"""<li><a class="person" href="{Encode(href)}" data-user="{Encode(person.Id)}"><b>{Encode(person.Name)}</b> <span>{Encode(person.Title)}</span></a></li>""");
        }

        var provider = issuer.Dialect.IsSlack ? $"Sign in with Slack to {Encode(issuer.TeamName ?? issuer.Dialect.TenantId)}" : "Sign in with Microsoft";
        return Page(provider, $"""
            <h1>{provider}</h1>
            <p>This is the local workspace's stand-in for the sign-in page. Choose who you are to continue to the app.</p>
            <ul>{html}</ul>
            """, 200);
    }

    public static IResult Error(string message) => Page("Sign-in problem", $"<h1>Sign-in problem</h1><p>{Encode(message)}</p>", 400);

    private static IResult Page(string title, string body, int status) => TypedResults.Content($$"""
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>{{title}}</title>
        <style>body{font:16px system-ui,sans-serif;max-width:34rem;margin:3rem auto;color:#1d1c1d}ul{list-style:none;padding:0}
        a.person{display:block;padding:.7rem 1rem;margin:.4rem 0;border:1px solid #ddd;border-radius:8px;color:inherit;text-decoration:none}
        a.person:hover{background:#f4ede4}a.person span{color:#616061;font-size:.9rem}</style></head>
        <body>{{body}}</body></html>
        """, "text/html; charset=utf-8", Encoding.UTF8, status);

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
