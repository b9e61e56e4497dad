namespace CoachBot.Coaching.Conversation;

/// <summary>The rep's command list, shown by `help` and after an unknown command.</summary>
public static class CommandHelp
{
    public const string Summary = "Type `help` to see what I understand.";

    public static readonly IReadOnlyList<(string Usage, string Meaning)> Lines =
    [
        ("help", "this list"),
        ("why", "why your last nudge was worded the way it was"),
        ("style [driver|expressive|amiable|analytical]", "see or change how I talk to you"),
        ("race [sprint|middle|distance]", "see or change the race you run"),
        ("focus [skill, skill, skill]", "see or set up to three focus skills (`focus clear` to reset)"),
        ("schedule [days] [time]", "e.g. `schedule mon-fri 09:30`, `schedule tue,thu 14:00`"),
        ("timezone [Area/City]", "e.g. `timezone Europe/Berlin`"),
        ("snooze 3d | 2 weeks | until friday | until Dec 20", "no nudges for a while"),
        ("pause [until friday | for 2 weeks] / resume", "hold nudges until you resume (or until the end you give)"),
        ("stop / start", "switch coaching off or on"),
        ("setup", "run or finish the setup questions"),
        ("goal [20 calls weekly | remove calls]", "see, set or remove your own targets (up to 3)"),
        ("log 3 calls | booked 2 meetings", "log progress toward your goals"),
        ("my data / export my data", "what I store about you and who has seen what"),
        ("delete my data", "erase your replies, responses and profile (asks first)"),
    ];

    // Built once: `help` is the commonest command there is, and the list never changes while running.
    public static string Text { get; } = "Here's what I understand:\n" + string.Join('\n', Lines.Select(l => $"• `{l.Usage}`: {l.Meaning}"));
}
