using CoachBot.Coaching.Nudges.Library;
using CoachBot.Coaching.Profiles;

namespace CoachBot.Coaching.Nudges.Selection;

/// <summary>
/// Chooses the next intent for a rep. Pure and deterministic for a request. Rules, in order: rotate through the rep's
/// focus skills (least recently nudged first), never repeat an intent inside the window, prefer an exact race and level
/// fit, then relax level, then use other skills; never leave the rep's race. Inside a pool the longest-unseen intent
/// wins (never seen first), so a used-up cell cycles again in the order the rep last saw it; only when everything in
/// the race is recent does the one sent longest ago return. A deal-aware intent is in play only when the rep's CRM data
/// shows what it needs; then it leads its skill's pool, because it is about the rep's own deal, and the repeat window
/// keeps it from coming back every time.
/// </summary>
public sealed class NudgeSelector(NudgeLibrary library, TimeSpan repeatWindow)
{
    public NudgeSelection Select(NudgeSelectionRequest request)
    {
        var recent = request.History.Where(h => h.SentAt > request.Now - repeatWindow).Select(h => h.IntentId).ToHashSet(StringComparer.Ordinal);
        var focus = request.FocusSkills.Count > 0 ? request.FocusSkills.Distinct().ToList() : [];
        var rotation = Rotate(focus.Count > 0 ? focus : FocusSkills.All, request);
        var others = Rotate(FocusSkills.All.Except(rotation).ToList(), request);
        var (race, level) = (request.Race, request.Level);

        var tiers = new (NudgeFit Fit, IReadOnlyList<FocusSkill> Skills, Func<NudgeIntent, bool> Matches)[]
        {
            (NudgeFit.Exact, rotation, i => i.Fits(race, level)),
            (NudgeFit.OtherLevel, rotation, i => i.Races.Contains(race)),
            (NudgeFit.OtherSkill, others, i => i.Fits(race, level)),
            (NudgeFit.OtherSkill, others, i => i.Races.Contains(race)),
        };
        var intents = library.Intents.Where(i => i.Needs is not { } needs || request.DealSignals.Contains(needs)).ToList();
        var lastSeen = request.History.GroupBy(h => h.IntentId).ToDictionary(g => g.Key, g => g.Max(h => h.SentAt), StringComparer.Ordinal);
        foreach (var (fit, skills, matches) in tiers)
        {
            foreach (var skill in skills)
            {
                var pool = intents.Where(i => i.Skill == skill && matches(i) && !recent.Contains(i.Id)).ToList();
                if (pool.Count > 0)
                {
                    return new NudgeSelection(LongestUnseen(pool, lastSeen, request.Seed), fit);
                }
            }
        }

        return new NudgeSelection(Oldest(intents, rotation, request, lastSeen), NudgeFit.RepeatOldest);
    }

    private static NudgeIntent LongestUnseen(IEnumerable<NudgeIntent> pool, Dictionary<string, DateTimeOffset> lastSeen, ulong seed) =>
        pool.OrderBy(i => i.Needs is null).ThenBy(i => lastSeen.GetValueOrDefault(i.Id, DateTimeOffset.MinValue)).ThenBy(i => NudgeSeed.Rank(seed, i.Id)).First();

    // Least recently nudged skill first; never-nudged skills keep the rep's own order, or a seeded order when they chose none.
    private static List<FocusSkill> Rotate(IReadOnlyList<FocusSkill> skills, NudgeSelectionRequest request)
    {
        var lastSent = request.History.GroupBy(h => h.Skill).ToDictionary(g => g.Key, g => g.Max(h => h.SentAt));
        var chosen = request.FocusSkills.Count > 0;
        return skills
            .Select((skill, position) => (skill, position))
            .OrderBy(s => lastSent.GetValueOrDefault(s.skill, DateTimeOffset.MinValue))
            .ThenBy(s => chosen ? (ulong)s.position : NudgeSeed.Rank(request.Seed, s.skill.ToDbValue()))
            .Select(s => s.skill)
            .ToList();
    }

    // Everything in the race is recent: the rep's own cell first, then their focus skills in the race, then the race.
    private static NudgeIntent Oldest(List<NudgeIntent> intents, IReadOnlyList<FocusSkill> rotation, NudgeSelectionRequest request, Dictionary<string, DateTimeOffset> lastSeen)
    {
        // Only generic intents repeat: a deal-aware one repeated for want of anything else would nag about one deal.
        var inRace = intents.Where(i => i.Needs is null && i.Races.Contains(request.Race)).ToList();
        var candidates = new[]
        {
            inRace.Where(i => rotation.Contains(i.Skill) && i.Levels.Contains(request.Level)).ToList(),
            inRace.Where(i => rotation.Contains(i.Skill)).ToList(),
            inRace,
        }.FirstOrDefault(c => c.Count > 0) ?? [.. intents];
        return LongestUnseen(candidates, lastSeen, request.Seed);
    }
}
