using CoachBot.Coaching.Nudges.Library;
using CoachBot.Coaching.Profiles;

namespace CoachBot.Coaching.Nudges.Rendering;

/// <summary>Fills an intent's wording for a style. Pure: the same intent, style and values give the same words.</summary>
public static class NudgeRenderer
{
    public static RenderedNudge Render(NudgeIntent intent, CommunicationStyle style, NudgeValues values)
    {
        if (!intent.Renderings.TryGetValue(style, out var rendering))
        {
            throw new InvalidOperationException($"Nudge '{intent.Id}' has no {style.Label()} rendering.");
        }

        var filled = values.For(intent.Skill);
        return new RenderedNudge(intent.Id, style, NudgePlaceholders.Fill(rendering.Text, filled), NudgePlaceholders.Fill(rendering.Cta, filled));
    }

    public static string RenderFollowUp(NudgeLibrary library, NudgeIntent intent, CommunicationStyle style, NudgeValues values)
    {
        var filled = new Dictionary<string, string>(values.For(intent.Skill))
        {
            [NudgePlaceholders.Action] = intent.Action,
            [NudgePlaceholders.Why] = intent.Why,
        };
        return NudgePlaceholders.Fill(library.FollowUpTemplates[style], filled);
    }
}
