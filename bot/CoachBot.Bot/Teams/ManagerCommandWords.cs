using CoachBot.Coaching.Managers;

namespace CoachBot.Bot.Teams;

/// <summary>
/// In a Teams DM a message starting with a manager verb goes to the command handler, anything else is conversation;
/// the core checks who may run what. The verbs are the core parser's own list, so a new command cannot be missed here.
/// </summary>
internal static class ManagerCommandWords
{
    public static bool StartsWithCommand(string text) =>
        text.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries) is [var first, ..] && ManagerCommandParser.IsVerb(first);
}
