using CoachBot.Coaching.Conversation;
using CoachBot.Coaching.Managers;

namespace CoachBot.Coaching.Chat;

/// <summary>
/// What a person is told while the database is out of reach. Commands are not retried by the platforms, so they get a
/// clear answer; <c>help</c> needs nothing stored and is answered in full (both lists: who is a manager is stored too).
/// </summary>
public static class OutageAnswers
{
    public const string BrieflyUnavailable = "CoachBot is briefly unavailable, try again in a minute.";

    public static InboxReply ForCommand(string text) =>
        IsHelp(text) ? InboxReply.Say($"{CommandHelp.Text}\n\n{ManagerUsage.Help}") : InboxReply.Say(BrieflyUnavailable);

    public static bool IsHelp(string text) =>
        ManagerCommandParser.Parse(text) is ManagerCommand.Help
        || CommandParser.Parse(text, explicitCommand: true) is CommandParse.Parsed { Command: RepCommand.Help };
}
