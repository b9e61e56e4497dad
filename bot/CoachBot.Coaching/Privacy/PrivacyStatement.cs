using CoachBot.Coaching.Chat;

namespace CoachBot.Coaching.Privacy;

/// <summary>The plain-language privacy promise shown at onboarding and with `my data`.</summary>
public static class PrivacyStatement
{
    public static CoachMessage Message() => new(
        "How your data is handled: your replies are private to you.",
        [
            new HeaderBlock("Your privacy, in plain words"),
            new SectionBlock(
                "• *Private to you:* everything you type to me, your confidence ratings and your answers to my questions.\n" +
                "• *What your manager can see* (so can the managers above them and CoachBot's admins): your coaching settings (style, race, focus skills, schedule) and whether you are active, paused or stopped.\n" +
                "• *When managers see your words:* only when you press \"Need help\" or rate a nudge 1–2 *and then* say yes to sharing. " +
                "I always ask first. Only the note you choose to add travels, on a card in the managers' channel, which every manager in CoachBot can read.\n" +
                "• *From your CRM* (only if your admin connects one and your CRM email matches yours): your deals (name, amount, stage, dates) and counts of your calls, meetings and other activities. " +
                "I use them for your nudges, your goal progress and a race suggestion. You and the managers above you see them; never a channel, never another rep."),
            new ContextBlock("Type `my data` any time to see what I store and who has seen what, or `delete my data` to erase it."),
        ]);
}
