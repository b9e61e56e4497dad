using CoachBot.Coaching.Chat;
using CoachBot.Coaching.Nudges.Library;
using CoachBot.Coaching.Profiles;

namespace CoachBot.Coaching.Nudges.Composing;

/// <summary>Lays out a rendered nudge as a neutral message: text, a context line, the answer buttons and the 1–5 rating.</summary>
public static class NudgeMessage
{
    public const string RatingPrompt = "Confidence: 1 (not yet) to 5 (got this)";

    /// <summary>Snoozes this one nudge only: it comes back later, the rep's other nudges are not held.</summary>
    public const string RemindLabel = "Remind me later";

    public static CoachMessage Build(Guid deliveryId, NudgeIntent intent, CommunicationStyle style, string text) =>
        new(text, [new SectionBlock(text), new ContextBlock(ContextLine(intent, style)), AnswerButtons(deliveryId, done: true, remind: true, help: true)!, new ContextBlock(RatingPrompt), RatingButtons(deliveryId)])
        {
            DeliveryId = deliveryId,
        };

    /// <summary>
    /// The follow-up carries the original delivery id in its buttons, so answers land on the same history row. It has no
    /// <see cref="CoachMessage.DeliveryId"/> of its own: reconciling the original delivery must not find the follow-up.
    /// It has no "Remind me later": a nudge comes back once (as this follow-up), never again.
    /// </summary>
    public static CoachMessage BuildFollowUp(Guid deliveryId, FocusSkill skill, string text) =>
        new(text, [new SectionBlock(text), new ContextBlock($"{Capitalized(skill.Label())} · follow-up"), AnswerButtons(deliveryId, done: true, remind: false, help: true)!, new ContextBlock(RatingPrompt), RatingButtons(deliveryId)]);

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

    /// <summary>The answer row with the buttons that still make sense; null when none do.</summary>
    public static ActionsBlock? AnswerButtons(Guid deliveryId, bool done, bool remind, bool help)
    {
        var id = deliveryId.ToString("D");
        var buttons = new List<ChatButton>();
        if (done)
        {
            buttons.Add(new ChatButton(NudgeActions.Done, "Done", id, ButtonStyle.Primary));
        }

        if (remind)
        {
            buttons.Add(new ChatButton(NudgeActions.Snooze, RemindLabel, id));
        }

        if (help)
        {
            buttons.Add(new ChatButton(NudgeActions.NeedHelp, "Need help", id));
        }

        return buttons.Count > 0 ? new ActionsBlock(buttons) : null;
    }

    public static ActionsBlock RatingButtons(Guid deliveryId) =>
        new(Enumerable.Range(1, 5).Select(n => new ChatButton(NudgeActions.Rate, n.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{deliveryId:D}:{n}")).ToList());

    private static string Capitalized(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
