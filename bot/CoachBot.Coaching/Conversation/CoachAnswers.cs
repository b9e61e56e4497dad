using CoachBot.Coaching.Nudges.Library;
using CoachBot.Coaching.Profiles;

namespace CoachBot.Coaching.Conversation;

/// <summary>
/// What CoachBot says back, per style: the help for an intent (talk track, example, first step), the answer to a reply
/// about a nudge (it names the nudge's action) and the answer to a question typed in the DM.
/// </summary>
public static class CoachAnswers
{
    /// <summary>Shown when Need help was pressed on a nudge whose intent has no help for this style (or is unknown).</summary>
    public const string NoHelpWritten = "Thanks for saying so. Asking for help is a strength.";

    public static string Help(CommunicationStyle? style, NudgeHelp help) => (style ?? CommunicationStyle.Driver) switch
    {
        CommunicationStyle.Driver => $"Say: {help.TalkTrack}\nExample: {help.Example}\nFirst step: {help.FirstStep}",
        CommunicationStyle.Expressive => $"Let's get you moving! Try it like this: {help.TalkTrack}\nPicture it: {help.Example}\nYour first small win: {help.FirstStep}",
        CommunicationStyle.Amiable => $"Thank you for asking, that's a good instinct. You could say: {help.TalkTrack}\nFor example: {help.Example}\nA small first step: {help.FirstStep}",
        _ => $"Talk track: {help.TalkTrack}\nWorked example: {help.Example}\nFirst step: {help.FirstStep}",
    };

    /// <summary>The line before the manager offer: help comes first, the manager only if it wasn't enough.</summary>
    public static string StillStuck(CommunicationStyle? style) => style switch
    {
        CommunicationStyle.Expressive => "Still stuck after that? Your manager can jump in too.",
        CommunicationStyle.Amiable => "If you'd still like a hand after trying this, your manager can help too.",
        CommunicationStyle.Analytical => "If this does not resolve it, the next option is your manager.",
        _ => "Still stuck? Your manager can help.",
    };

    /// <summary>A free-text reply about a nudge: thanked in the rep's style, with the nudge's action named.</summary>
    public static string Reply(CommunicationStyle? style, NudgeIntent intent) => style switch
    {
        CommunicationStyle.Driver => $"Noted against today's nudge: {intent.Action} Tap Done when it's done.",
        CommunicationStyle.Expressive => $"Love the update on your {intent.Skill.Label()} move! Today's play was: {intent.Action} Tap Done when it lands and tell me the best moment.",
        CommunicationStyle.Amiable => $"Thank you for telling me how it's going; it stays between us. Today's small step was: {intent.Action} Whenever it suits you, tap Done, or Need help if you'd like a hand.",
        CommunicationStyle.Analytical => $"Recorded privately against today's {intent.Skill.Label()} nudge. The action was: {intent.Action} Mark it Done once complete so your history stays accurate.",
        _ => $"Thanks, noted against today's nudge: {intent.Action} Your replies stay private to you.",
    };

    /// <summary>A reply saying the nudge did not work: the nudge's help, in the rep's style, and the manager after it.</summary>
    public static string Struggle(CommunicationStyle? style, NudgeIntent intent, NudgeHelp help) => style switch
    {
        CommunicationStyle.Expressive => $"That happens, and it's fixable! Another run at it:\n{Help(style, help)}\n{StillStuck(style)}",
        CommunicationStyle.Amiable => $"Thank you for telling me; that happens to everyone, and it stays between us. Here's a gentler way to try it again:\n{Help(style, help)}\n{StillStuck(style)}",
        CommunicationStyle.Analytical => $"Noted: today's {intent.Skill.Label()} action did not land yet. A second attempt, step by step:\n{Help(style, help)}\n{StillStuck(style)}",
        _ => $"Noted. Next attempt:\n{Help(style, help)}\n{StillStuck(style)}",
    };

    /// <summary>The answer to a question: the best-fitting intent's action and help, in the rep's style.</summary>
    public static string Answer(CommunicationStyle? style, NudgeIntent intent, NudgeHelp help) => style switch
    {
        CommunicationStyle.Expressive => $"Great question! Here's a move for it ({intent.Skill.Label()}): {intent.Action}\n{Help(style, help)}",
        CommunicationStyle.Amiable => $"That's a thoughtful question. Here is an approach that may help ({intent.Skill.Label()}): {intent.Action}\n{Help(style, help)}",
        CommunicationStyle.Analytical => $"Closest match in the coaching library ({intent.Skill.Label()}): {intent.Action}\nWhy: {intent.Why}\n{Help(style, help)}",
        _ => $"Try this ({intent.Skill.Label()}): {intent.Action}\n{Help(style, help)}",
    };

    /// <summary>Nothing in the library fits: say so, and point to the manager instead of guessing.</summary>
    public static string NoAnswer(CommunicationStyle? style, bool canOffer) => (style switch
    {
        CommunicationStyle.Expressive => "Ooh, that one's beyond my playbook!",
        CommunicationStyle.Amiable => "Thank you for asking. I don't have a good answer for that one, and I'd rather not guess.",
        CommunicationStyle.Analytical => "No content in the coaching library matches that question closely enough to answer it.",
        _ => "No good answer in my library for that.",
    }) + (canOffer
        ? " Ask my manager: I can pass it on if you like."
        : " Ask your manager: bring it to your next 1:1, or press Need help on your next nudge and I'll offer to pass it on.");
}
