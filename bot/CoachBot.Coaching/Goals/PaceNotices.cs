using CoachBot.Coaching.Chat;
using CoachBot.Coaching.Escalations;
using CoachBot.Coaching.People;
using CoachBot.Coaching.Profiles;
using Microsoft.Extensions.Logging;

namespace CoachBot.Coaching.Goals;

/// <summary>
/// Halfway through each goal's period (in the rep's working time) the rep hears where they stand, once per period, in
/// their style. Only inside their working hours on a working day, never while paused, snoozed or stopped; a run that
/// comes late (past three quarters of the period) sends nothing rather than a stale "halfway".
/// </summary>
public sealed partial class PaceNotices(
    GoalStore store, GoalTracker tracker, PersonDirectory people, RepProfileStore profiles, ChatMessengers messengers, TimeProvider time,
    ILogger<PaceNotices> logger)
{
    public const double Midpoint = 0.5;
    public const double TooLate = 0.75;

    /// <summary>Sends every pace message now due; returns how many reps were told.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var told = 0;
        foreach (var personId in await store.RepsWithGoalsAsync(cancellationToken))
        {
            told += await SendDueAsync(personId, cancellationToken) ? 1 : 0;
        }

        return told;
    }

    private async Task<bool> SendDueAsync(long personId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (await people.GetAsync(personId, cancellationToken) is not { Reachable: true } person)
        {
            return false;
        }

        var calendar = await tracker.CalendarAsync(personId, person.TimeZone, cancellationToken);
        if (calendar.IsHeld(now) || !calendar.Working.IsWorkingMoment(calendar.LocalNow))
        {
            return false;
        }

        var style = (await profiles.GetAsync(personId, cancellationToken))?.Style;
        var lines = new List<string>();
        foreach (var standing in await tracker.StandingsAsync(personId, calendar, cancellationToken))
        {
            if (standing.Reading.Elapsed is >= Midpoint and < TooLate
                && await store.ClaimNoticeAsync(personId, "pace", standing.Goal.Metric, standing.Window.Start, now, cancellationToken))
            {
                lines.Add(GoalWording.Pace(style, standing.Reading));
            }
        }

        if (lines.Count == 0)
        {
            return false;
        }

        var text = string.Join("\n", lines);
        var message = new CoachMessage(text, [new SectionBlock(text), new ContextBlock("Log progress with `log 3 calls` or the +1 buttons on your nudges. Only you see these numbers.")]);
        try
        {
            await messengers.For(person.Key.Platform).SendDirectAsync(person.Key, message, cancellationToken);
            return true;
        }
        catch (ChatDeliveryException ex)
        {
            // Claimed already: a pace check is worth at most one try, it is stale by the next run.
            LogNotDelivered(logger, personId, ex.Code);
            return false;
        }
    }

    [LoggerMessage(EventId = 7502, Level = LogLevel.Warning, Message = "Could not send the pace message to person {PersonId}: {Code}")]
    private static partial void LogNotDelivered(ILogger logger, long personId, string code);
}
