using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Xunit;

namespace CoachBot.Testing;

/// <summary>
/// What a person would see as a hole in a message: an unfilled <c>{placeholder}</c>, a name missing before punctuation
/// ("Hi , I'm"), a possessive with no name ("'s coaching"), or a double space where a word was left out. Used by the
/// renderer tests of both platforms and on every message the fake Teams Connector receives.
/// </summary>
public static partial class RenderedText
{
    public static IReadOnlyList<string> EmptyPlaceholders(string text)
    {
        var found = new List<string>();
        foreach (var line in text.Split('\n'))
        {
            found.AddRange(Holes().Matches(line).Select(m => $"\"{m.Value}\" in \"{line}\""));
        }

        return found;
    }

    /// <summary>Every string a rendered message (Adaptive Card, Block Kit, activity) shows, checked together.</summary>
    public static IReadOnlyList<string> EmptyPlaceholders(JsonNode? rendered) =>
        [.. Strings(rendered).SelectMany(EmptyPlaceholders)];

    public static void AssertNoEmptyPlaceholders(string text) => Assert.Empty(EmptyPlaceholders(text));

    public static void AssertNoEmptyPlaceholders(JsonNode? rendered) => Assert.Empty(EmptyPlaceholders(rendered));

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => Strings(p.Value)),
        JsonArray a => a.SelectMany(Strings),
        JsonValue v when v.TryGetValue<string>(out var s) => [s],
        _ => [],
    };

    // {name} left in; a word, spaces, then , ; ! ? (a name that was empty); 's after nothing; two spaces inside a line.
    [GeneratedRegex(@"\{[A-Za-z_][A-Za-z0-9_]*\}|[\p{L}\p{N}] +[,;!?]|(?:^|\s)'s\b|\S {2,}\S")]
    private static partial Regex Holes();
}
