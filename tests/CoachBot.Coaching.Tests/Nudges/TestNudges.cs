using CoachBot.Coaching.Nudges.Library;
using CoachBot.Coaching.Profiles;

namespace CoachBot.Coaching.Tests.Nudges;

// Builders for small, valid libraries that a test then bends in one place.
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
            "Ask one problem question before the pitch.", "Buyers who talk first tell you what to show.",
            CommunicationStyles.All.ToDictionary(s => s, s => (edit ?? ((_, r) => r))(s, Rendering(id, s))), "test.yaml");

    public static NudgeRendering Rendering(string id, CommunicationStyle style) => style switch
    {
        CommunicationStyle.Driver => new($"{id}: one problem question before the pitch, {{first_name}}.", "Pick: (A) first call, (B) every call."),
        CommunicationStyle.Expressive => new($"{id} {{first_name}}! {Words("lively", 45)}.", "Tell me how it went!"),
        CommunicationStyle.Amiable => new($"Hi {{first_name}}, {id}, {Words("gentle", 55)}.", "When you're ready, try it once."),
        _ => new($"Context for {id} on {{skill}}: {Words("measured", 65)}.", "Review this and tell me which you'd test."),
    };

    public static NudgeLibrary Library(params NudgeIntent[] intents) => new(1, intents, FollowUps);

    /// <summary>One intent for every skill × race × level, with distinct ids and wording.</summary>
    public static NudgeIntent[] FullGrid() =>
        (from skill in FocusSkills.All
         from race in Races.All
         from level in ExperienceLevels.All
         select Intent($"{skill.ToDbValue().Replace('_', '-')}-{race.ToDbValue()}-{level.ToDbValue()}", skill, race, level)).ToArray();

    private static string Words(string word, int count) => string.Join(' ', Enumerable.Repeat(word, count));
}
