using CoachBot.Coaching.Chat;
using CoachBot.Coaching.People;

namespace CoachBot.Bot.WebConsole;

/// <summary>
/// The person signed in to the web console, as CoachBot's own roster knows them. The identity provider only proves who
/// they are; what they may see follows <see cref="Role"/> from the roster: admins see the whole workspace, managers
/// their own reporting chain, reps only themselves.
/// </summary>
public sealed record ConsoleViewer(long PersonId, long WorkspaceId, PersonRole Role, UserText DisplayName);
