using CoachBot.Coaching.Chat;
using CoachBot.Coaching.People;
using CoachBot.Coaching.Profiles;

namespace CoachBot.Coaching.Conversation;

/// <summary>schedule, timezone, snooze, pause/resume, stop/start. Every change makes the dispatcher recompute the next slot.</summary>
public sealed class ScheduleCommands(RepScheduleStore schedules, TimeProvider time)
{
    public async Task<InboxReply> RunAsync(Person person, RepCommand command, CancellationToken cancellationToken)
    {
        var id = person.Id;
        var now = time.GetUtcNow();
        switch (command)
        {
            case RepCommand.Schedule { IsoDays: null, SendTime: null }:
                break;
            case RepCommand.Schedule change:
                await schedules.SetDaysAndTimeAsync(id, change.IsoDays, change.SendTime, cancellationToken);
                break;
            case RepCommand.TimeZone { Id: { } zone }:
                await schedules.SetTimeZoneAsync(id, zone, cancellationToken);
                break;
            case RepCommand.Snooze snooze:
                if (SnoozeEnd(snooze, person.TimeZone, now) is not { } until)
                {
                    return InboxReply.Say(CommandArguments.SnoozeOptions);
                }

                await schedules.SnoozeAsync(id, now, until, cancellationToken);
                break;
            case RepCommand.Pause:
                await schedules.SetPausedAsync(id, true, now, cancellationToken);
                break;
            case RepCommand.Resume:
                await schedules.SetPausedAsync(id, false, now, cancellationToken);
                break;
            case RepCommand.Stop:
                await schedules.SetStoppedAsync(id, true, now, cancellationToken);
                break;
            case RepCommand.Start:
                await schedules.SetStoppedAsync(id, false, now, cancellationToken);
                break;
        }

        var schedule = await schedules.GetAsync(id, cancellationToken);
        return schedule is null ? InboxReply.Say("Type `setup` first.") : InboxReply.Say(Describe(schedule, now));
    }

    /// <summary>"until 2026-12-01" means nudges may come again from that local midnight; at most 90 days ahead.</summary>
    public static DateTimeOffset? SnoozeEnd(RepCommand.Snooze snooze, string timeZone, DateTimeOffset now)
    {
        if (snooze.Days is { } days)
        {
            return now.AddDays(days);
        }

        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var found) ? found : TimeZoneInfo.Utc;
        var localMidnight = snooze.Until!.Value.ToDateTime(TimeOnly.MinValue);
        var until = new DateTimeOffset(localMidnight, zone.GetUtcOffset(localMidnight)).ToUniversalTime();
        return until > now && until <= now.AddDays(CommandArguments.MaxSnoozeDays) ? until : null;
    }

    public static string Describe(RepSchedule schedule, DateTimeOffset now)
    {
        var days = string.Join(", ", schedule.WorkingDays.Select(d => ((DayOfWeek)(d % 7)).ToString()[..3]));
        var times = string.Join(", ", schedule.SendTimes.Select(t => t.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)));
        var status = schedule switch
        {
            { Stopped: true } => "stopped (type `start` to switch coaching back on)",
            { Paused: true } => "paused (type `resume` to continue)",
            _ when schedule.IsSnoozed(now) => $"snoozed until {schedule.SnoozedUntil:yyyy-MM-dd HH:mm} UTC",
            _ => "active",
        };
        return $"Nudges on {days} at {times} ({schedule.TimeZone}). Status: {status}.";
    }
}
