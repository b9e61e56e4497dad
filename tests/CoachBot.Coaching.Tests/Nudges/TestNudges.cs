using CoachBot.Coaching.Nudges.Library;
using CoachBot.Coaching.Profiles;

namespace CoachBot.Coaching.Tests.Nudges;

// Builders for small, valid libraries that a test then bends in one place. Wording is made of words unique to the
// intent (e.g. "demo7k3"), in short sentences, so a grid of them passes the stock-phrase and readability rules.
internal static class TestNudges
{
    public static readonly IReadOnlyDictionary<CommunicationStyle, string> FollowUps = new Dictionary<CommunicationStyle, string>
    {
        [CommunicationStyle.Driver] = "Still open: {action} Tap Done.",
        [CommunicationStyle.Expressive] = "Hey {first_name}: {action} Tell me how it went!",
        [CommunicationStyle.Amiable] = "Hi {first_name}, gently: {action} Whenever you're ready.",
        [CommunicationStyle.Analytical] = "Follow-up on {skill}. {action} Rationale: {why}",
    };

    public static NudgeIntent Intent(
        string id,
        FocusSkill skill = FocusSkill.Discovery,
        Race race = Race.Sprint,
        ExperienceLevel level = ExperienceLevel.Newer,
        Func<CommunicationStyle, NudgeRendering, NudgeRendering>? edit = null) =>
        new(id, skill, new HashSet<Race> { race }, new HashSet<ExperienceLevel> { level },
            "Ask one problem question on your next call.", "Buyers who talk first tell you what to show.",
            CommunicationStyles.All.ToDictionary(s => s, s => (edit ?? ((_, r) => r))(s, Rendering(id, s))), "test.yaml")
        {
            Help = CommunicationStyles.All.ToDictionary(s => s, s => Help(id, s)),
        };

    public static NudgeRendering Rendering(string id, CommunicationStyle style) => style switch
    {
        CommunicationStyle.Driver => new($"{id}: {Prose(id, "d", 12)}", $"Pick {Word(id, "dc", 0)}: (A) {Word(id, "dc", 1)}, (B) {Word(id, "dc", 2)}."),
        CommunicationStyle.Expressive => new($"{{first_name}}, {id} {Prose(id, "e", 45)}", $"{Prose(id, "ec", 4)[..^1]}!"),
        CommunicationStyle.Amiable => new($"{{first_name}}, {id} {Prose(id, "a", 55)}", Prose(id, "ac", 5)),
        _ => new($"Context for {id} on {{skill}}: {Prose(id, "n", 65)}", Prose(id, "nc", 6)),
    };

    public static NudgeHelp Help(string id, CommunicationStyle style) =>
        new(Prose(id, $"{style}t", 10), Prose(id, "x", 12), Prose(id, $"{style}f", 8));

    public static NudgeLibrary Library(params NudgeIntent[] intents) => new(1, intents, FollowUps);

    /// <summary>Intents for every skill × race × level (<paramref name="perCell"/> each), with distinct ids and wording.</summary>
    public static NudgeIntent[] FullGrid(int perCell = 1) =>
        (from skill in FocusSkills.All
         from race in Races.All
         from level in ExperienceLevels.All
         from n in Enumerable.Range(1, perCell)
         let cell = $"{skill.ToDbValue().Replace('_', '-')}-{race.ToDbValue()}-{level.ToDbValue()}"
         select Intent(n == 1 ? cell : $"{cell}-{n}", skill, race, level)).ToArray();

    // Sentences of six made-up words that only this intent uses.
    private static string Prose(string id, string part, int count) =>
        string.Concat(Enumerable.Range(0, count).Select(i => Word(id, part, i) + (i % 6 == 5 || i == count - 1 ? ". " : " "))).TrimEnd();

    private static string Word(string id, string part, int i) =>
        $"{part.ToLowerInvariant()}{(uint)string.Concat(id, part).Aggregate(17, (h, c) => (h * 31) + c):x}{i}";
}
