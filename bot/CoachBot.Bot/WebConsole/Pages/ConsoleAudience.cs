using CoachBot.Coaching.Managers;
using CoachBot.Coaching.People;

namespace CoachBot.Bot.WebConsole.Pages;

/// <summary>
/// Whom a viewer may see, from CoachBot's roster only: an admin the whole workspace, a manager themselves and everyone
/// under them (recursively, through <see cref="ReportingLine"/>, the walk the chat commands use), a rep only themselves.
/// One query; every page filters its rows by these ids, so scoping is decided once.
/// </summary>
public sealed class ConsoleAudience(ReportingLine reportingLine)
{
    public async Task<long[]> PeopleAsync(ConsoleViewer viewer, CancellationToken cancellationToken) => viewer.Role switch
    {
        PersonRole.Rep => [viewer.PersonId],
        PersonRole.Admin => [viewer.PersonId, .. await reportingLine.EveryoneInAsync(viewer.WorkspaceId, viewer.PersonId, cancellationToken)],
        _ => [viewer.PersonId, .. await reportingLine.PeopleUnderAsync(viewer.PersonId, cancellationToken)],
    };
}
