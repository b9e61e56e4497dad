using System.Text.RegularExpressions;
using CoachBot.Coaching.Profiles;

namespace CoachBot.Coaching.Nudges.Linting;

/// <summary>The writing rules every nudge follows (see docs/nudge-library.md). Budgets come from the product's style table.</summary>
public static partial class NudgeContentRules
{
    public const int MinimumIntents = 180;
    public const int MinimumIntentsPerCell = 3;

    /// <summary>No three-word phrase may appear in more than this share of one style's renderings.</summary>
    public const double MaxStockPhraseShare = 0.10;

    /// <summary>No two-word opening may start more than this share of one style's calls to action.</summary>
    public const double MaxCtaOpenerShare = 0.20;

    public const int MaxTalkTrackWords = 45;
    public const int MaxExampleWords = 50;
    public const int MaxFirstStepWords = 35;
    public const int MaxActionWords = 25;
    public const int MaxWhyWords = 40;
    public const int MaxFollowUpTemplateWords = 40;

    public static (int Min, int Max) WordBudget(CommunicationStyle style) => style switch
    {
        CommunicationStyle.Driver => (1, 40),
        CommunicationStyle.Expressive => (40, 80),
        CommunicationStyle.Amiable => (50, 90),
        _ => (60, 150),
    };

    /// <summary>
    /// Flesch–Kincaid bands per style, over all of a style's renderings together (<see cref="Readability"/>) and for each
    /// one: Driver short and plain, Expressive and Amiable conversational, Analytical may be denser.
    /// </summary>
    public static (double MaxStyleGrade, double MaxRenderingGrade, double MaxWordsPerSentence) ReadabilityBand(CommunicationStyle style) => style switch
    {
        CommunicationStyle.Driver => (7, 10, 12),
        CommunicationStyle.Expressive => (8, 11, 18),
        CommunicationStyle.Amiable => (8, 11, 20),
        _ => (11, 14, 20),
    };

    /// <summary>"Team player" framing: CoachBot coaches individuals against their own history, never for the team or against peers.</summary>
    public static IReadOnlyList<string> BannedPhrases { get; } =
    [
        "team player", "for the team", "no i in team", "team effort", "team spirit", "let the team down", "letting the team down",
        "leaderboard", "outrank", "top of the board", "beat your colleagues", "beat your peers", "rest of the team",
        "everyone else on the team", "compared to your peers", "ranked", "ranking",
    ];

    /// <summary>Words that break a style's tone: pressure for Amiable, hype for Analytical, small talk for Driver.</summary>
    public static IReadOnlyList<string> ToneBreakers(CommunicationStyle style) => style switch
    {
        CommunicationStyle.Driver => ["hope you", "how are you", "just wanted to", "happy friday"],
        CommunicationStyle.Amiable => ["asap", "immediately", "right now", "no excuses", "you must", "urgent", "!"],
        CommunicationStyle.Analytical => ["crush", "killer", "amazing", "awesome", "rockstar", "game changer", "!"],
        _ => [],
    };

    /// <summary>Words are whitespace-separated tokens with a letter or digit; a {placeholder} counts as one; "→" and "-" bullets do not.</summary>
    public static int CountWords(string text) =>
        text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Count(token => token.Any(char.IsLetterOrDigit));

    /// <summary>A call to action is one sentence: it ends with . ? or ! and has no sentence break inside.</summary>
    public static bool IsOneSentence(string text)
    {
        var plain = WithoutQuotes(text);
        return plain.Length > 0 && ".?!".Contains(plain[^1]) && !SentenceBreak().IsMatch(plain.TrimEnd('.', '?', '!'));
    }

    /// <summary>True when the text asks the rep something; questions quoted for the rep to ask a buyer do not count.</summary>
    public static bool AsksQuestion(string text) => WithoutQuotes(text).Contains('?');

    private static string WithoutQuotes(string text) => Quoted().Replace(text, "quote");

    /// <summary>Driver calls to action offer 2–3 options labelled (A), (B), (C).</summary>
    public static int CountOptions(string cta) => OptionLabel().Matches(cta).Count;

    public static bool Contains(string text, string phrase) =>
        phrase.All(c => !char.IsLetter(c))
            ? text.Contains(phrase, StringComparison.Ordinal)
            : Regex.IsMatch(text, $@"(?<![\p{{L}}]){Regex.Escape(phrase)}(?![\p{{L}}])", RegexOptions.IgnoreCase);

    // "e.g. ", "vs. " and decimal numbers are not sentence breaks.
    [GeneratedRegex(@"(?<!\be\.g|\bi\.e|\bvs)[.?!]\s+\S")]
    private static partial Regex SentenceBreak();

    [GeneratedRegex("\"[^\"]*\"|“[^”]*”")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"\([A-C]\)")]
    private static partial Regex OptionLabel();
}
