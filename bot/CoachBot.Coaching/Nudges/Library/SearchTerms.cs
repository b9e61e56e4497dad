namespace CoachBot.Coaching.Nudges.Library;

// Words to index and query by: lowercase, no stop words, crude suffix stripping so "asking", "asks" and "ask" meet.
internal static class SearchTerms
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "and", "or", "but", "if", "of", "to", "in", "on", "at", "by", "for", "with", "from", "as", "is", "are",
        "was", "be", "been", "it", "its", "this", "that", "these", "those", "i", "me", "my", "we", "our", "you", "your", "they",
        "them", "their", "he", "she", "his", "her", "do", "does", "did", "how", "what", "why", "when", "where", "which", "who",
        "can", "could", "should", "would", "will", "so", "not", "no", "yes", "about", "any", "some", "one", "get", "got",
        "there", "here", "than", "then", "just", "into", "out", "up", "more", "most", "each", "every", "all", "have", "has",
        "tip", "tips", "many", "much", "ever", "often", "say", "said", "best", "way", "ways", "good", "better", "help", "need", "want", "like", "really", "thing", "things",
    };

    public static IEnumerable<string> Of(string text)
    {
        var word = new System.Text.StringBuilder();
        foreach (var c in text.ToLowerInvariant().Replace('’', '\'') + " ")
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(c);
                continue;
            }

            if (c == '\'' && word.Length > 0)
            {
                continue;
            }

            if (word.Length > 1 && !StopWords.Contains(word.ToString()))
            {
                yield return Stem(word.ToString());
            }

            word.Clear();
        }
    }

    public static string Stem(string word)
    {
        foreach (var suffix in (string[])["ing", "ed", "s"])
        {
            if (word.Length > suffix.Length + 3 && word.EndsWith(suffix, StringComparison.Ordinal))
            {
                var stem = word[..^suffix.Length];
                // "dialling" and "planning" meet "dial" and "plan".
                word = suffix is "ing" or "ed" && stem[^1] == stem[^2] && stem[^1] is 'l' or 'n' or 'p' or 't' or 'g' or 'm' ? stem[..^1] : stem;
                break;
            }
        }

        // A final "e" goes too, so "handle", "handles" and "handling" meet, as do "price" and "pricing".
        return word.Length > 4 && word[^1] == 'e' ? word[..^1] : word;
    }
}
