using System.Text;

namespace CoachBot.Platforms.Slack;

/// <summary>Text helpers for Slack's mrkdwn: user text is escaped so it can never become a mention, broadcast or link.</summary>
public static class SlackText
{
    public const string Ellipsis = "…";

    /// <summary>Escapes the three characters Slack's formatting gives meaning to: <c>&amp;</c>, <c>&lt;</c>, <c>&gt;</c>.</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        if (text.AsSpan().IndexOfAny('&', '<', '>') < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }

    /// <summary>
    /// What a person typed, from the text of a message event or slash command: Slack sends <c>&amp;</c>, <c>&lt;</c> and
    /// <c>&gt;</c> as entities, so without this "R&amp;D" would be stored, and shown back escaped twice. Tokens Slack
    /// wrote (<c>&lt;@U123&gt;</c>, links) arrive as real angle brackets and stay as they are.
    /// </summary>
    public static string Unescape(string? text) =>
        string.IsNullOrEmpty(text) || !text.Contains('&', StringComparison.Ordinal)
            ? text ?? ""
            : text.Replace("&lt;", "<", StringComparison.Ordinal).Replace("&gt;", ">", StringComparison.Ordinal).Replace("&amp;", "&", StringComparison.Ordinal);

    /// <summary>
    /// Cuts text to at most <paramref name="max"/> characters, ending in an ellipsis, without splitting an escape
    /// such as <c>&amp;amp;</c>, a surrogate pair or a <c>&lt;…&gt;</c> token CoachBot wrote.
    /// </summary>
    public static string Truncate(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var cut = max - Ellipsis.Length;
        var entity = text.LastIndexOf('&', cut - 1, Math.Min(cut, 6));
        if (entity >= 0 && text.IndexOf(';', entity, cut - entity) < 0)
        {
            cut = entity;
        }

        var token = text.LastIndexOf('<', cut - 1);
        if (token >= 0 && text.IndexOf('>', token, cut - token) < 0)
        {
            cut = token;
        }

        if (cut > 0 && char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return string.Concat(text.AsSpan(0, cut), Ellipsis);
    }

    /// <summary>Quotes someone's own words: escaped, each line prefixed with the quote marker.</summary>
    public static string Quote(string text) =>
        string.Join('\n', Escape(text).Split('\n').Select(line => "> " + line));
}
