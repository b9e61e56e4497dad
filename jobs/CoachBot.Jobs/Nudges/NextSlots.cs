using System.Globalization;
using System.Text;
using CoachBot.Coaching.Scheduling;

namespace CoachBot.Jobs.Nudges;

/// <summary>
/// Next slots for one claim batch, all computed against the same moment. Most reps share a schedule (time zone,
/// working days, send times, defaults), and NudgeSlots.Next is pure, so each distinct schedule is computed once per
/// batch instead of once per rep: a batch of thousands costs a handful of slot walks, not thousands.
/// </summary>
internal sealed class NextSlots(DateTimeOffset after)
{
    private readonly Dictionary<string, DateTime?> _computed = new(StringComparer.Ordinal);
    private readonly StringBuilder _key = new();

    public DateTime? For(RepSchedule schedule)
    {
        var key = Key(schedule);
        if (!_computed.TryGetValue(key, out var next))
        {
            next = NudgeSlots.Next(schedule, after)?.UtcDateTime;
            _computed[key] = next;
        }

        return next;
    }

    // Every field NudgeSlots.Next reads, so two reps share an entry only when the maths cannot tell them apart.
    private string Key(RepSchedule s)
    {
        var k = _key.Clear();
        var c = CultureInfo.InvariantCulture;
        k.Append(s.TimeZone).Append('|').Append(s.Race).Append('|');
        foreach (var day in s.WorkingDays)
        {
            k.Append(day).Append(',');
        }

        k.Append('|').Append(s.DayStart.Ticks).Append('|').Append(s.DayEnd.Ticks).Append('|');
        foreach (var time in s.SendTimes)
        {
            k.Append(time.Ticks).Append(',');
        }

        k.Append('|').Append(s.Cadence?.ToString() ?? "-")
            .Append('|').Append(s.QuietStart?.Ticks.ToString(c) ?? "-").Append('|').Append(s.QuietEnd?.Ticks.ToString(c) ?? "-")
            .Append('|').Append(s.HolidayCountry ?? "-")
            .Append('|').Append(s.VacationFrom?.DayNumber.ToString(c) ?? "-").Append('|').Append(s.VacationUntil?.DayNumber.ToString(c) ?? "-")
            .Append('|').Append(s.SnoozedUntil?.UtcTicks.ToString(c) ?? "-")
            .Append('|').Append(s.Paused).Append('|').Append(s.Stopped);
        return k.ToString();
    }
}
