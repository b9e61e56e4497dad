using CoachBot.Coaching.Nudges.Library;
using CoachBot.Coaching.Nudges.Rendering;
using CoachBot.Coaching.Profiles;
using static CoachBot.Coaching.Nudges.Linting.NudgeContentRules;
using static CoachBot.Coaching.Nudges.Linting.NudgeLinter;

namespace CoachBot.Coaching.Nudges.Linting;

// Rules about the library as a whole: ids, duplicates, coverage of every skill × race × level, follow-ups.
internal static partial class LibraryRules
{
    public static void Check(NudgeLibrary library, List<LintFinding> findings)
    {
        foreach (var id in library.Intents.GroupBy(i => i.Id).Where(g => g.Count() > 1).Select(g => g.Key))
        {
            findings.Add(new(UniqueIds, id, "id used more than once"));
        }

        foreach (var intent in library.Intents.Where(i => !IdFormat().IsMatch(i.Id)))
        {
            findings.Add(new(UniqueIds, intent.Id, "ids are lowercase words joined by hyphens, e.g. discovery-sprint-newer-pain-first"));
        }

        var texts = library.Intents
            .SelectMany(i => i.Renderings.Select(r => (Where: $"{i.Id} ({r.Key.Label()})", Text: Normalize(r.Value.Text + " " + r.Value.Cta))));
        foreach (var duplicate in texts.GroupBy(t => t.Text).Where(g => g.Count() > 1))
        {
            findings.Add(new(NoDuplicateRenderings, string.Join(", ", duplicate.Select(d => d.Where)), "identical wording"));
        }

        CheckCoverage(library, findings);
        CheckFollowUps(library, findings);
    }

    private static void CheckCoverage(NudgeLibrary library, List<LintFinding> findings)
    {
        // Deal-aware intents fit only some reps some days, so only generic intents count towards coverage.
        var generic = library.Intents.Where(i => i.Needs is null).ToList();
        if (generic.Count < MinimumIntents)
        {
            findings.Add(new(Coverage, "library", $"{generic.Count} intents; at least {MinimumIntents} needed"));
        }

        foreach (var skill in FocusSkills.All)
        {
            foreach (var race in Races.All)
            {
                foreach (var level in ExperienceLevels.All)
                {
                    var count = generic.Count(i => i.Skill == skill && i.Fits(race, level));
                    if (count < MinimumIntentsPerCell)
                    {
                        findings.Add(new(Coverage, $"{skill.Label()} × {race.Label()} × {level.Label()}", $"{count} intents; at least {MinimumIntentsPerCell} needed"));
                    }
                }
            }
        }
    }

    private static void CheckFollowUps(NudgeLibrary library, List<LintFinding> findings)
    {
        foreach (var style in CommunicationStyles.All)
        {
            var at = $"{NudgeContentFile.ManifestName} follow_ups ({style.Label()})";
            if (!library.FollowUpTemplates.TryGetValue(style, out var template) || template.Length == 0)
            {
                findings.Add(new(FollowUps, at, "every style needs a follow-up template"));
                continue;
            }

            if (CountWords(template) > MaxFollowUpTemplateWords || !template.Contains("{action}", StringComparison.Ordinal))
            {
                findings.Add(new(FollowUps, at, $"at most {MaxFollowUpTemplateWords} words and must restate {{action}}"));
            }

            CheckWords(template, NudgePlaceholders.ForFollowUps, at, findings);
        }
    }

    private static string Normalize(string text) =>
        string.Join(' ', text.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    [System.Text.RegularExpressions.GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial System.Text.RegularExpressions.Regex IdFormat();
}
