using System.Globalization;
using System.Security.Claims;
using CoachBot.Coaching.People;

namespace CoachBot.Bot.WebConsole;

/// <summary>Who is looking, read from the roster on every request, so a role changed in chat applies at the next click.</summary>
internal sealed class ConsoleViewers(PersonDirectory people)
{
    public const string PersonIdClaim = "coachbot:person_id";

    public async Task<ConsoleViewer?> FindAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!long.TryParse(user.FindFirst(PersonIdClaim)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var personId))
        {
            return null;
        }

        return await people.GetAsync(personId, cancellationToken) is { } person
            ? new ConsoleViewer(person.Id, person.WorkspaceId, person.Role, person.DisplayName)
            : null;
    }
}
