namespace CoachBot.Bot.Teams;

/// <summary>
/// The first words of CoachBot's commands (Slack's "/coach …" text). In Teams a message starting with one goes to
/// the command handler, anything else is conversation; the core checks who may run what. Kept in step with
/// deploy/teams/manifest.json's command lists.
/// </summary>
internal static class ManagerCommandWords
{
    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "help", "reps", "rep", "style", "race", "focus", "schedule", "pause", "resume", "nudge", "escalations",
        "ack", "resolve", "reassign", "snooze", "note", "brief", "stats", "import", "managers",
    };

    public static bool StartsWithCommand(string text) =>
        text.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries) is [var first, ..] && All.Contains(first);
}
