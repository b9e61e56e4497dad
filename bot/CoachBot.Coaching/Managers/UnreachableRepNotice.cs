using CoachBot.Coaching.Chat;
using CoachBot.Coaching.Escalations;
using CoachBot.Coaching.People;
using Microsoft.Extensions.Logging;

namespace CoachBot.Coaching.Managers;

/// <summary>
/// Tells a rep's manager once that CoachBot can no longer reach the rep (blocked the bot, left, app removed),
/// because nudges stop silently otherwise. Deliveries to an unreachable rep are skipped, so this runs once per loss.
/// </summary>
public sealed partial class UnreachableRepNotice(PersonDirectory people, ChatMessengers messengers, ILogger<UnreachableRepNotice> logger)
{
    public async Task NotifyManagerAsync(long repId, string reason, CancellationToken cancellationToken)
    {
        var rep = await people.GetAsync(repId, cancellationToken);
        var manager = rep?.ManagerId is { } managerId ? await people.GetAsync(managerId, cancellationToken) : null;
        if (rep is null || manager is null || !manager.Reachable)
        {
            return;
        }

        var notice = new CoachMessage(
            "CoachBot can no longer reach one of your reps.",
            [
                new SectionBlock("I can no longer reach one of your reps, so their coaching nudges are on hold until they open a chat with me again. A direct check-in may help."),
                new FieldsBlock([new Field("Rep", rep.DisplayName.Raw), new Field("Platform", rep.Key.Platform.ToString()), new Field("Reason", ReachAdvice.For(reason).Why)]),
            ]);
        try
        {
            await messengers.For(manager.Key.Platform).SendDirectAsync(manager.Key, notice, cancellationToken);
        }
        catch (ChatDeliveryException ex)
        {
            LogNotDelivered(logger, repId, ex.Code);
        }
    }

    [LoggerMessage(EventId = 5401, Level = LogLevel.Warning, Message = "Could not tell the manager of rep {RepId} that the rep is unreachable: {Code}")]
    private static partial void LogNotDelivered(ILogger logger, long repId, string code);
}
