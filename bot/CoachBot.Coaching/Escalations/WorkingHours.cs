namespace CoachBot.Coaching.Escalations;

/// <summary>
/// Adds working time in someone's own time zone: deadlines only run while the owner is at work.
/// Days are ISO (1 = Monday … 7 = Sunday).
/// </summary>
public sealed record WorkingHours(IReadOnlySet<int> Days, TimeOnly DayStart, TimeOnly DayEnd)
{
    public static readonly WorkingHours Default = new(new HashSet<int> { 1, 2, 3, 4, 5 }, new TimeOnly(9, 0), new TimeOnly(17, 30));

    public DateTimeOffset Add(DateTimeOffset from, TimeSpan work, TimeZoneInfo zone)
    {
        if (Days.Count == 0 || DayEnd <= DayStart)
        {
            return from + work;
        }

        var cursor = TimeZoneInfo.ConvertTime(from, zone).DateTime;
        var remaining = work;
        var day = DateOnly.FromDateTime(cursor);
        // Ten years of days is far beyond any deadline; the bound only guards against a bad calendar.
        for (var i = 0; i < 3660; i++, day = day.AddDays(1))
        {
            if (!Days.Contains(IsoDay(day)))
            {
                continue;
            }

            var open = day.ToDateTime(DayStart);
            var close = day.ToDateTime(DayEnd);
            var start = cursor > open ? cursor : open;
            if (start >= close)
            {
                continue;
            }

            if (remaining <= close - start)
            {
                return ToInstant(start + remaining, zone);
            }

            remaining -= close - start;
        }

        return from + work;
    }

    private static int IsoDay(DateOnly day) => day.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)day.DayOfWeek;

    private static DateTimeOffset ToInstant(DateTime local, TimeZoneInfo zone)
    {
        // A wall time skipped by a DST jump does not exist; move past the gap.
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
