using System.Text.RegularExpressions;

namespace CoachBot.Coaching.Nudges.Linting;

/// <summary>
/// Flesch–Kincaid grade level: 0.39 × words per sentence + 11.8 × syllables per word − 15.59. Sentences end at . ? ! or a
/// line break (bullets are sentences); syllables are vowel groups, less a silent final e, at least one per word.
/// </summary>
public static partial class Readability
{
    public sealed record Score(int Words, int Sentences, int Syllables)
    {
        public double WordsPerSentence => Sentences == 0 ? 0 : (double)Words / Sentences;

        public double Grade => Words == 0 ? 0 : (0.39 * WordsPerSentence) + (11.8 * Syllables / Words) - 15.59;

        public static Score operator +(Score a, Score b) => new(a.Words + b.Words, a.Sentences + b.Sentences, a.Syllables + b.Syllables);
    }

    public static Score Of(string text)
    {
        var sentences = SentenceEnd().Split(Quote().Replace(text, " "))
            .Select(s => WordPattern().Matches(s).Select(m => m.Value).ToList())
            .Where(words => words.Count > 0)
            .ToList();
        return new Score(sentences.Sum(s => s.Count), sentences.Count, sentences.Sum(s => s.Sum(Syllables)));
    }

    public static int Syllables(string word)
    {
        var w = word.ToLowerInvariant();
        if (w.Any(char.IsDigit) || w.StartsWith('{'))
        {
            return 1;
        }

        var groups = VowelGroup().Matches(w).Count;
        if (groups > 1 && w.EndsWith('e') && !w.EndsWith("le", StringComparison.Ordinal) && !w.EndsWith("ee", StringComparison.Ordinal))
        {
            groups--;
        }

        if (groups > 1 && (w.EndsWith("ed", StringComparison.Ordinal) && !w.EndsWith("ted", StringComparison.Ordinal) && !w.EndsWith("ded", StringComparison.Ordinal)))
        {
            groups--;
        }

        return Math.Max(1, groups);
    }

    // Quotation marks are not sentence ends, but what they enclose still counts as words.
    [GeneratedRegex("[\"“”]")]
    private static partial Regex Quote();

    // "e.g.", "i.e." and "vs." do not end a sentence; decimals like 2.5 have no space after the point.
    [GeneratedRegex(@"(?<!\be\.g|\bi\.e|\bvs)[.?!]+(?=\s|$)|\n")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"\{[a-z_]+\}|[\p{L}\p{N}][\p{L}\p{N}'’-]*")]
    private static partial Regex WordPattern();

    [GeneratedRegex("[aeiouy]+")]
    private static partial Regex VowelGroup();
}
