namespace CoachBot.Coaching.Profiles;

// One table per profile term: the stored value, the words a person may type for it, and how we show it.
internal sealed class TermTable<T>
    where T : struct, Enum
{
    private readonly Dictionary<string, T> _byWord = new(StringComparer.Ordinal);
    private readonly Dictionary<T, (string Db, string Label)> _byTerm = [];

    public TermTable(IEnumerable<(T Term, string Db, string Label, string[] Aliases)> rows)
    {
        foreach (var (term, db, label, aliases) in rows)
        {
            _byTerm[term] = (db, label);
            foreach (var word in aliases.Append(db).Append(label))
            {
                _byWord[Normalize(word)] = term;
            }
        }
    }

    public string ValidOptions => string.Join(", ", _byTerm.Values.Select(v => v.Label));

    public bool TryParse(string? text, out T term)
    {
        term = default;
        return text is not null && _byWord.TryGetValue(Normalize(text), out term);
    }

    public string DbValue(T term) => _byTerm[term].Db;

    public string Label(T term) => _byTerm[term].Label;

    /// <summary>Every word a person may type for <paramref name="term"/>, normalised.</summary>
    public IEnumerable<string> Words(T term) => _byWord.Where(w => EqualityComparer<T>.Default.Equals(w.Value, term)).Select(w => w.Key);

    public T? FromDb(string? value)
    {
        foreach (var (term, names) in _byTerm)
        {
            if (names.Db == value)
            {
                return term;
            }
        }

        return null;
    }

    // "Objection-Handling!", "  objection   handling " and "objection_handling" all read the same.
    public static string Normalize(string text)
    {
        var words = text.Trim().Trim('.', '!', '?', '"', '\'', '`', '*')
            .Replace('-', ' ').Replace('_', ' ')
            .Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return string.Join(' ', words).ToLowerInvariant();
    }
}
