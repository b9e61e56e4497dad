using CoachBot.Coaching.Nudges.Library;
using CoachBot.Coaching.Nudges.Linting;

namespace CoachBot.Bot.WebConsole.Pages;

/// <summary>The content linter's findings for the loaded library, run once and sorted by the intent each one names.</summary>
public sealed class LibraryLint
{
    private static readonly char[] Separators = [' ', ',', '(', ')'];
    private readonly Lazy<(ILookup<string, LintFinding> ByIntent, IReadOnlyList<LintFinding> LibraryWide)> _findings;

    public LibraryLint(NudgeLibrary library)
    {
        _findings = new(() =>
        {
            var ids = library.Intents.Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
            var all = NudgeLinter.Lint(library);
            // A finding's Where names its intent by id ("closing.yaml closing-x (Driver)"); one about two intents lists both.
            var tagged = all.SelectMany(f => f.Where.Split(Separators, StringSplitOptions.RemoveEmptyEntries).Where(ids.Contains).Distinct().Select(id => (id, f))).ToList();
            var named = tagged.Select(t => t.f).ToHashSet();
            return (tagged.ToLookup(t => t.id, t => t.f, StringComparer.Ordinal), all.Where(f => !named.Contains(f)).ToList());
        });
    }

    public IEnumerable<LintFinding> For(string intentId) => _findings.Value.ByIntent[intentId];

    public IReadOnlyList<LintFinding> LibraryWide => _findings.Value.LibraryWide;
}
