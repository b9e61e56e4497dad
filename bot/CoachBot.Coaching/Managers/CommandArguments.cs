using System.Globalization;
using System.Text.RegularExpressions;

namespace CoachBot.Coaching.Managers;

/// <summary>Reads the pieces inside a command: people (Slack mention, email or display name), durations, free text.</summary>
public static partial class CommandArguments
{
    /// <summary>
    /// A person named by the rest of the command: a mention (Slack &lt;@U…&gt; or &lt;@U…|name&gt;, even when Slack left the
    /// rest of the typed name after it), an email, or a name with spaces in it, with or without a leading @.
    /// </summary>
    public static PersonRef? ParsePerson(IReadOnlyList<string> tokens)
    {
        if (tokens.Count == 0)
        {
            return null;
        }

        if (Mention().Match(tokens[0]) is { Success: true } mention)
        {
            return new PersonRef(PersonRefKind.UserId, mention.Groups["id"].Value);
        }

        if (tokens.Count == 1 && EmailPattern().IsMatch(tokens[0].TrimStart('@')))
        {
            return new PersonRef(PersonRefKind.Email, tokens[0].TrimStart('@').ToLowerInvariant());
        }

        // A Teams mention the Teams layer could not resolve arrives as <at>Name</at>: the name is what counts.
        var name = TeamsMentionTag().Replace(string.Join(' ', tokens), "").TrimStart('@').Trim();
        name = string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return name.Length is 0 or > 120 || name.Contains('<') || name.Contains('>') ? null : new PersonRef(PersonRefKind.Name, name);
    }

    public static bool TryDuration(string text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        var match = DurationPattern().Match(text.ToLowerInvariant());
        if (!match.Success || !int.TryParse(match.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n <= 0)
        {
            return false;
        }

        duration = match.Groups["unit"].Value switch
        {
            "m" => TimeSpan.FromMinutes(n),
            "h" => TimeSpan.FromHours(n),
            "d" => TimeSpan.FromDays(n),
            _ => TimeSpan.FromDays(7 * n),
        };
        return duration <= TimeSpan.FromDays(30);
    }

    // Free text after the verb and the id, keeping the manager's own spacing.
    internal static string RestOf(string text, int skipTokens)
    {
        var rest = text;
        for (var i = 0; i < skipTokens; i++)
        {
            rest = rest.TrimStart();
            var space = rest.IndexOfAny([' ', '\t', '\n', '\r']);
            rest = space < 0 ? "" : rest[space..];
        }

        return rest.Trim();
    }

    // Echoed back inside a reply, so it is the person's words: escaped by every renderer.
    internal static Chat.UserText Shorten(string value) => new(value.Length > 30 ? value[..30] + "…" : value);

    // Slack ids (U…, W…) and the Teams ids the Teams layer puts in the same form (AAD object ids).
    [GeneratedRegex(@"^<@(?<id>[A-Za-z0-9][A-Za-z0-9:_.\-]{0,99})(?:\|[^>]*)?>$")]
    private static partial Regex Mention();

    [GeneratedRegex(@"</?at>", RegexOptions.IgnoreCase)]
    private static partial Regex TeamsMentionTag();

    [GeneratedRegex(@"^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^(?<n>\d{1,4})(?<unit>[mhdw])$")]
    private static partial Regex DurationPattern();
}
