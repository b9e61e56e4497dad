using CoachBot.Coaching.Chat;
using CoachBot.Coaching.Nudges.Library;
using CoachBot.Coaching.Profiles;

namespace CoachBot.Coaching.Nudges.Composing;

/// <summary>Lays out a rendered nudge as a neutral message: text, a context line, the answer buttons and the 1–5 rating.</summary>
public static class NudgeMessage
{
    public const string RatingPrompt = "Confidence: 1 (not yet) to 5 (got this)";

    public static CoachMessage Build(Guid deliveryId, NudgeIntent intent, CommunicationStyle style, string text) =>
        new(text, [new SectionBlock(text), new ContextBlock(ContextLine(intent, style)), Answers(deliveryId), new ContextBlock(RatingPrompt), Rating(deliveryId)])
        {
            DeliveryId = deliveryId,
        };

    /// <summary>
    /// The follow-up carries the original delivery id in its buttons, so answers land on the same history row. It has no
    /// <see cref="CoachMessage.DeliveryId"/> of its own: reconciling the original delivery must not find the follow-up.
    /// </summary>
    public static CoachMessage BuildFollowUp(Guid deliveryId, FocusSkill skill, string text) =>
        new(text, [new SectionBlock(text), new ContextBlock($"{Capitalized(skill.Label())} · follow-up"), Answers(deliveryId), new ContextBlock(RatingPrompt), Rating(deliveryId)]);

    // Amiable asks "why?" and Analytical "how?": both get the reason; Driver and Expressive keep the line short.
    public static string ContextLine(NudgeIntent intent, CommunicationStyle style)
    {
        var skill = Capitalized(intent.Skill.Label());
        return style switch
        {
            CommunicationStyle.Analytical => $"{skill} · Why it matters: {intent.Why}",
            CommunicationStyle.Amiable => $"{skill} · Why it helps: {intent.Why}",
            CommunicationStyle.Expressive => $"{skill} · today's one move",
            _ => $"{skill} · 1 action",
        };
    }

    private static ActionsBlock Answers(Guid deliveryId)
    {
        var id = deliveryId.ToString("D");
        return new ActionsBlock([
            new ChatButton(NudgeActions.Done, "Done", id, ButtonStyle.Primary),
            new ChatButton(NudgeActions.Snooze, "Snooze", id),
            new ChatButton(NudgeActions.NeedHelp, "Need help", id),
        ]);
    }

    private static ActionsBlock Rating(Guid deliveryId) =>
        new(Enumerable.Range(1, 5).Select(n => new ChatButton(NudgeActions.Rate, n.ToString(), $"{deliveryId:D}:{n}")).ToList());

    private static string Capitalized(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
