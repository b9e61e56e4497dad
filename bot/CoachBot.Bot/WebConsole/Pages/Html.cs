using System.Globalization;
using System.Net;
using System.Text;

namespace CoachBot.Bot.WebConsole.Pages;

/// <summary>Small HTML building blocks for the pages. Every cell and heading is encoded here, so no page can forget.</summary>
internal static class Html
{
    public static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    public static string H2(string text) => $"<h2>{E(text)}</h2>\n";

    public static string P(string text, string? cssClass = null) =>
        cssClass is null ? $"<p>{E(text)}</p>\n" : $"<p class=\"{E(cssClass)}\">{E(text)}</p>\n";

    /// <summary>A table of plain-text cells; <paramref name="raw"/> columns hold markup this code built (charts).</summary>
    public static string Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, params int[] raw)
    {
        var html = new StringBuilder("<table>\n<thead><tr>");
        foreach (var header in headers)
        {
            html.Append("<th scope=\"col\">").Append(E(header)).Append("</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in rows)
        {
            html.Append("<tr>");
            for (var i = 0; i < row.Count; i++)
            {
                html.Append("<td>").Append(raw.Contains(i) ? row[i] : E(row[i])).Append("</td>");
            }

            html.Append("</tr>\n");
        }

        return html.Append("</tbody>\n</table>\n").ToString();
    }

    /// <summary>Chat labels are lower case ("driver"); a table cell or heading starts with a capital.</summary>
    public static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    public static string Percent(int part, int whole) =>
        whole == 0 ? "no nudges yet" : string.Create(CultureInfo.InvariantCulture, $"{part}/{whole} ({100.0 * part / whole:0}%)");

    public static string Number(double? value) => value is { } v ? v.ToString("0.0", CultureInfo.InvariantCulture) : "none yet";
}
