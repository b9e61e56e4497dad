using CoachBot.Coaching.Chat;
using CoachBot.Coaching.Escalations;
using CoachBot.Coaching.People;
using Microsoft.Extensions.Logging;

namespace CoachBot.Coaching.Managers;

/// <summary>
/// Tells a person in their DM that a manager changed their coaching settings or role, and who did it: nothing about a
/// rep's coaching changes behind their back. A failed DM never undoes the change; the manager's answer says it was sent.
/// </summary>
public sealed partial class RepChangeNotice(ChatMessengers messengers, ILogger<RepChangeNotice> logger)
{
    /// <summary>Sends "{actor} {change}"; false when there was no one else to tell or the DM could not be delivered.</summary>
    public async Task<bool> TellAsync(Person actor, Person person, string change, CancellationToken cancellationToken)
    {
        if (actor.Id == person.Id)
        {
            return false;
        }

        var text = $"{actor.DisplayName} {change}";
        var message = new CoachMessage(text,
        [
            new SectionBlock(text),
            new ContextBlock($"Questions about it? Ask {actor.DisplayName}. `help` lists what you can change yourself."),
        ]);
        try
        {
            await messengers.For(person.Key.Platform).SendDirectAsync(person.Key, message, cancellationToken);
            return true;
        }
        catch (ChatDeliveryException ex)
        {
            LogNotDelivered(logger, person.Id, ex.Code);
            return false;
        }
    }

    [LoggerMessage(EventId = 5402, Level = LogLevel.Warning, Message = "Could not tell person {PersonId} about a manager's change: {Code}")]
    private static partial void LogNotDelivered(ILogger logger, long personId, string code);
}
