namespace CoachBot.Coaching.Scheduling;

/// <summary>Local wall-clock helpers that agree with Cronos on DST: skipped times move forward, repeated ones take the first.</summary>
internal static class LocalClock
{
    public static TimeZoneInfo Zone(string ianaId) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(ianaId, out var zone) ? zone : TimeZoneInfo.Utc;

    public static DateTimeOffset ToInstant(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        // A skipped local time (spring forward) becomes the first valid minute after the gap.
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }

        // A repeated local time (fall back) is the first occurrence, which has the larger offset.
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }

    public static DateTime ToLocal(DateTimeOffset instant, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(instant, zone).DateTime;

    public static bool IsQuiet(TimeOnly time, TimeOnly? start, TimeOnly? end)
    {
        if (start is not { } s || end is not { } e || s == e)
        {
            return false;
        }

        return s < e ? time >= s && time < e : time >= s || time < e;
    }
}
