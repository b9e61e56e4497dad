using CoachBot.Coaching.Chat;

namespace CoachBot.Platforms.Teams;

/// <summary>
/// Makes text safe for Adaptive Card TextBlocks. Cards never carry mention entities, so "&lt;at&gt;" stays inert;
/// what remains to defuse is markdown link syntax, which a zero-width space between "]" and "(" breaks in every parser.
/// </summary>
public static class CardText
{
    public const int MaxBlockChars = 2000;

    public static string Safe(string text)
    {
        var safe = text.Replace("](", "]\u200B(", StringComparison.Ordinal);
        return safe.Length <= MaxBlockChars ? safe : string.Concat(safe.AsSpan(0, MaxBlockChars - 1), "…");
    }

    /// <summary>Someone's own words: also loses emphasis and heading markers so it reads exactly as typed.</summary>
    public static string Quoted(string text) => Safe(Escape(text));

    /// <summary>CoachBot's own markdown kept, each <see cref="UserText"/> part escaped.</summary>
    public static string Composed(ComposedText text) => Safe(text.Render(Escape));

    /// <summary>Backslash-escapes markdown, HTML and entity syntax, so the words read exactly as typed.</summary>
    public static string Escape(string text)
    {
        var builder = new System.Text.StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c is '\\' or '*' or '_' or '`' or '~' or '#' or '[' or ']' or '>' or '<' or '&')
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
