using System.Globalization;
using System.Text.RegularExpressions;

namespace CoachBot.Coaching.Managers;

/// <summary>Reads the pieces inside a command: people (Slack mention, email or display name), durations, free text.</summary>
public static partial class CommandArguments
{
    public static PersonRef? ParsePerson(IReadOnlyList<string> tokens)
    {
        if (tokens.Count == 0)
        {
            return null;
        }

        if (tokens.Count == 1 && SlackMention().Match(tokens[0]) is { Success: true } mention)
        {
            return new PersonRef(PersonRefKind.UserId, mention.Groups["id"].Value);
        }

        if (tokens.Count == 1 && EmailPattern().IsMatch(tokens[0]))
        {
            return new PersonRef(PersonRefKind.Email, tokens[0].ToLowerInvariant());
        }

        var name = string.Join(' ', tokens).TrimStart('@').Trim();
        return name.Length is 0 or > 120 || name.Contains('<') ? null : new PersonRef(PersonRefKind.Name, name);
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

    internal static string Shorten(string value) => value.Length > 30 ? value[..30] + "…" : value;

    [GeneratedRegex(@"^<@(?<id>[UW][A-Z0-9]+)(?:\|[^>]*)?>$")]
    private static partial Regex SlackMention();

    [GeneratedRegex(@"^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^(?<n>\d{1,4})(?<unit>[mhdw])$")]
    private static partial Regex DurationPattern();
}
