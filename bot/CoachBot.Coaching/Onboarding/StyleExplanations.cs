using CoachBot.Coaching.Profiles;

namespace CoachBot.Coaching.Onboarding;

/// <summary>The one-line "what this means for your nudges" shown after the quiz and by `style`.</summary>
public static class StyleExplanations
{
    public const string Caveat = "Style models are heuristics, not science: if this doesn't fit, change it any time.";

    public static string For(CommunicationStyle style) => style switch
    {
        CommunicationStyle.Driver => "You lead with results: I'll keep nudges short, bottom line first, with options you pick from.",
        CommunicationStyle.Expressive => "You're energised by people and big ideas: I'll keep it upbeat, with stories, and ask how it went.",
        CommunicationStyle.Amiable => "You value relationships and steady progress: I'll be warm and low-pressure, with small first steps.",
        _ => "You like facts and method: I'll give you the context, the numbers and options to review.",
    };

    public static string OverrideHint =>
        "Not you? Type `style driver`, `style expressive`, `style amiable` or `style analytical`.";
}
