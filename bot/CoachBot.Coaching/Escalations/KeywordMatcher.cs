using System.Text.RegularExpressions;

namespace CoachBot.Coaching.Escalations;

/// <summary>Finds a watched keyword (whole words, any case) in text the rep chose to share.</summary>
public static class KeywordMatcher
{
    public static string? FindFirst(string text, IEnumerable<string> keywords)
    {
        foreach (var keyword in keywords.Select(k => k.Trim()).Where(k => k.Length > 0))
        {
            var pattern = $@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(keyword)}(?![\p{{L}}\p{{N}}])";
            if (Regex.IsMatch(text, pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100)))
            {
                return keyword;
            }
        }

        return null;
    }
}
