using CoachBot.Coaching.Chat;
using CoachBot.Coaching.People;
using CoachBot.Coaching.Profiles;
using CoachBot.Coaching.Scheduling;
using RepSchedule = CoachBot.Coaching.Profiles.RepSchedule;

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
                if (HoldUntil(snooze.End, person.TimeZone, now, CommandArguments.MaxSnoozeDays) is not { } until)
                {
                    return InboxReply.Say(CommandArguments.SnoozeOptions);
                }

                await HoldAsync(id, now, until, cancellationToken);
                break;
            case RepCommand.Pause { Until: { } end }:
                if (HoldUntil(end, person.TimeZone, now, CommandArguments.MaxPauseDays) is not { } pauseEnd)
                {
                    return InboxReply.Say(CommandArguments.PauseOptions);
                }

                await HoldAsync(id, now, pauseEnd, cancellationToken);
                return await SayAsync(id, now, s => $"Paused until {LocalTimeText.Format(pauseEnd, s.TimeZone, now)}: no nudges before then. Type `resume` to start again sooner.", cancellationToken);
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

        return await SayAsync(id, now, null, cancellationToken);
    }

    /// <summary>The end of a snooze or timed pause, if it lies in the future and within <paramref name="maxDays"/>.</summary>
    public static DateTimeOffset? HoldUntil(HoldEnd end, string timeZone, DateTimeOffset now, int maxDays) =>
        HoldEnd.Resolve(end, now, timeZone) is { } until && until <= now.AddDays(maxDays) ? until : null;

    /// <summary>What the rep's nudges look like now: rhythm, status and the next nudge, all in the rep's own zone.</summary>
    public static string Describe(RepSchedule schedule, DateTimeOffset now)
    {
        var slots = schedule.ToSlots();
        var status = schedule switch
        {
            { Stopped: true } => "stopped (type `start` to switch coaching back on)",
            { Paused: true } => "paused (type `resume` to continue)",
            _ when schedule.IsSnoozed(now) => $"snoozed until {LocalTimeText.Format(schedule.SnoozedUntil!.Value, schedule.TimeZone, now)} (type `resume` to end it early)",
            _ => "active",
        };
        var next = schedule.Paused || schedule.Stopped
            ? ""
            : NudgeSlots.Next(slots, now) is { } slot
                ? $" Next nudge: {LocalTimeText.Format(slot, schedule.TimeZone, now)}."
                : " No nudge is coming up: check your days with `schedule`.";
        return $"Nudges {CadenceText.Describe(slots)}, {schedule.TimeZone} time. Status: {status}.{next}";
    }

    /// <summary>"Fri 11 Dec, 09:30 (Europe/Berlin time)", or null when the rep has no schedule or nothing is coming.</summary>
    public static string? NextNudge(RepSchedule schedule, DateTimeOffset now) =>
        NudgeSlots.Next(schedule.ToSlots(), now) is { } slot ? LocalTimeText.Format(slot, schedule.TimeZone, now) : null;

    // A timed hold is a snooze: it ends by itself. An open-ended pause it replaces is lifted first, so it really ends then.
    private async Task HoldAsync(long id, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken)
    {
        if (await schedules.GetAsync(id, cancellationToken) is { Paused: true })
        {
            await schedules.SetPausedAsync(id, false, now, cancellationToken);
        }

        await schedules.SnoozeAsync(id, now, until, cancellationToken);
    }

    private async Task<InboxReply> SayAsync(long id, DateTimeOffset now, Func<RepSchedule, string>? lead, CancellationToken cancellationToken)
    {
        var schedule = await schedules.GetAsync(id, cancellationToken);
        if (schedule is null)
        {
            return InboxReply.Say("Type `setup` first.");
        }

        return InboxReply.Say(lead is null ? Describe(schedule, now) : $"{lead(schedule)}\n{Describe(schedule, now)}");
    }
}
