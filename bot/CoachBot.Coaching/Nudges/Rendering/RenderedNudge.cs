using CoachBot.Coaching.Profiles;

namespace CoachBot.Coaching.Nudges.Rendering;

/// <summary>An intent's words for one rep: the body, then the one call to action.</summary>
public sealed record RenderedNudge(string IntentId, CommunicationStyle Style, string Body, string CallToAction)
{
    public string Text => $"{Body}\n\n{CallToAction}";
}
