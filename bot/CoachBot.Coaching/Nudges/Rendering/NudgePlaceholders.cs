using System.Text.RegularExpressions;

namespace CoachBot.Coaching.Nudges.Rendering;

/// <summary>The {name} placeholders nudge text may use, and how they are filled.</summary>
public static partial class NudgePlaceholders
{
    public const string FirstName = "first_name";
    public const string Goal = "goal";
    public const string Skill = "skill";
    public const string Weekday = "weekday";
    public const string Action = "action";
    public const string Why = "why";
    public const string Deal = "deal";
    public const string Stage = "stage";
    public const string Days = "days";
    public const string Moves = "moves";

    /// <summary>Allowed in renderings.</summary>
    public static IReadOnlySet<string> ForRenderings { get; } = new HashSet<string> { FirstName, Goal, Skill, Weekday };

    /// <summary>Allowed in a deal-aware intent's renderings (one with `needs:`): the facts of the rep's deal as well.</summary>
    public static IReadOnlySet<string> ForDealRenderings { get; } = new HashSet<string> { FirstName, Goal, Skill, Weekday, Deal, Stage, Days, Moves };

    /// <summary>Allowed in follow-up templates: the intent's own action and reason as well.</summary>
    public static IReadOnlySet<string> ForFollowUps { get; } = new HashSet<string> { FirstName, Goal, Skill, Weekday, Action, Why };

    public static IEnumerable<string> Find(string template) => Pattern().Matches(template).Select(m => m.Groups[1].Value);

    /// <summary>True when braces appear outside a well-formed {name}, e.g. "{first name}" or a stray "}".</summary>
    public static bool HasStrayBraces(string template) => Pattern().Replace(template, "").IndexOfAny(['{', '}']) >= 0;

    public static string Fill(string template, IReadOnlyDictionary<string, string> values) =>
        Pattern().Replace(template, m => values.TryGetValue(m.Groups[1].Value, out var value)
            ? value
            : throw new InvalidOperationException($"No value for placeholder {{{m.Groups[1].Value}}}"));

    [GeneratedRegex(@"\{([a-z_]+)\}")]
    private static partial Regex Pattern();
}
