namespace CoachBot.Coaching.Conversation;

/// <summary>Optimal string alignment distance (Levenshtein plus adjacent swaps), for "did you mean …".</summary>
public static class EditDistance
{
    public static int Between(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }

    /// <summary>How many edits still count as a typo: short words allow one, longer words two.</summary>
    public static int Tolerance(string word) => word.Length <= 4 ? 1 : 2;

    /// <summary>Candidates within tolerance of <paramref name="word"/>, nearest first.</summary>
    public static IReadOnlyList<string> Nearest(string word, IEnumerable<string> candidates, int max = 3) =>
        candidates
            .Select(c => (Candidate: c, Distance: Between(word, c)))
            .Where(x => x.Distance <= Tolerance(x.Candidate))
            .OrderBy(x => x.Distance)
            .Take(max)
            .Select(x => x.Candidate)
            .ToList();
}
