using CoachBot.Coaching.Profiles;

namespace CoachBot.Coaching.Nudges.Library;

/// <summary>
/// Finds the intent whose help best answers a rep's question: BM25 over each intent's action, why and help, plus a boost
/// for the intent's skill when the question names it ("pricing", "objections"). Pure and in memory; the library is small.
/// </summary>
public sealed class NudgeSearch
{
    private const double K1 = 1.2;
    private const double B = 0.75;

    /// <summary>An answer must score at least this on the question's words, before any boost.</summary>
    public const double MinimumScore = 1.0;

    /// <summary>
    /// An answer must match words carrying at least this share of the question's weight (rare words weigh most, words the
    /// library never uses weigh most of all): "can you book my flights" shares "book" with the library, and is still no fit.
    /// </summary>
    public const double MinimumCoverage = 0.6;

    private const double SkillBoost = 2.0;
    private const double RaceBoost = 1.5;
    private const double LevelBoost = 0.5;

    private readonly List<(NudgeIntent Intent, Dictionary<string, int> Terms, int Length)> _documents;
    private readonly Dictionary<string, int> _documentFrequency = new(StringComparer.Ordinal);
    private readonly double _averageLength;

    public NudgeSearch(NudgeLibrary library)
    {
        _documents = library.Intents.Select(i =>
        {
            var terms = SearchTerms.Of(Document(i)).ToList();
            return (i, terms.GroupBy(t => t).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal), terms.Count);
        }).ToList();
        foreach (var term in _documents.SelectMany(d => d.Terms.Keys))
        {
            _documentFrequency[term] = _documentFrequency.GetValueOrDefault(term) + 1;
        }

        _averageLength = _documents.Count == 0 ? 1 : _documents.Average(d => d.Length);
    }

    public sealed record Hit(NudgeIntent Intent, double Score);

    /// <summary>The best-fitting intents, best first, only those scoring at least <see cref="MinimumScore"/>.</summary>
    public IReadOnlyList<Hit> Search(string question, Race? race = null, ExperienceLevel? level = null, int take = 3)
    {
        var terms = SearchTerms.Of(question).Distinct().ToList();
        var weight = terms.Sum(Idf);
        var skills = SkillsNamedIn(question);
        // Naming a skill ("objection", "CRM", "pricing") is the strongest signal a question carries: answer from that
        // skill's intents, ranked by the other words, and fall back to the whole library only when it has none.
        var named = _documents.Where(d => skills.Contains(d.Intent.Skill)).ToList();
        var pool = named.Count > 0 ? named : _documents;
        var coverageNeeded = named.Count > 0 ? 0 : MinimumCoverage;
        return pool
            .Select(d =>
            {
                var text = terms.Sum(t => TermScore(d, t));
                var covered = weight == 0 ? 0 : terms.Where(d.Terms.ContainsKey).Sum(Idf) / weight;
                if (text < MinimumScore || covered < coverageNeeded)
                {
                    return null;
                }

                // Boosts only order answers that already fit the question; alone they answer nothing.
                var boost = (skills.Contains(d.Intent.Skill) ? SkillBoost : 0)
                    + (race is { } r && d.Intent.Races.Contains(r) ? RaceBoost : 0)
                    + (level is { } l && d.Intent.Levels.Contains(l) ? LevelBoost : 0);
                return new Hit(d.Intent, text + boost);
            })
            .OfType<Hit>()
            .OrderByDescending(h => h.Score).ThenBy(h => h.Intent.Id, StringComparer.Ordinal)
            .Take(take)
            .ToList();
    }

    private double Idf(string term)
    {
        var n = _documentFrequency.GetValueOrDefault(term);
        return Math.Log(1 + ((_documents.Count - n + 0.5) / (n + 0.5)));
    }

    private double TermScore((NudgeIntent Intent, Dictionary<string, int> Terms, int Length) d, string term)
    {
        if (!d.Terms.TryGetValue(term, out var frequency))
        {
            return 0;
        }

        return Idf(term) * frequency * (K1 + 1) / (frequency + (K1 * (1 - B + (B * d.Length / _averageLength))));
    }

    // The skill's own name and aliases count as words of the intent, so "how do I handle pushback" reaches objection handling.
    private static string Document(NudgeIntent intent) =>
        string.Join(' ', [.. intent.Skill.Words(), intent.Action, intent.Why,
            .. intent.Help.Values.SelectMany(h => new[] { h.TalkTrack, h.FirstStep }), intent.Help.Values.FirstOrDefault()?.Example ?? ""]);

    private static HashSet<FocusSkill> SkillsNamedIn(string question)
    {
        var words = question.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(w => w.Trim('?', '.', '!', ',')).ToArray();
        var named = new HashSet<FocusSkill>();
        for (var i = 0; i < words.Length; i++)
        {
            foreach (var length in (int[])[2, 1])
            {
                if (i + length <= words.Length && FocusSkills.TryParse(string.Join(' ', words, i, length), out var skill))
                {
                    named.Add(skill);
                }
            }
        }

        return named;
    }
}
