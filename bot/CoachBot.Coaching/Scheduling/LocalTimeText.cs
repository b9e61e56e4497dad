using System.Globalization;

namespace CoachBot.Coaching.Scheduling;

/// <summary>
/// How a moment is shown to a rep: always in their own zone, named, never UTC. A local midnight is shown as the day
/// alone ("Fri 11 Dec"), because "until Friday" means nudges may come again that day.
/// </summary>
public static class LocalTimeText
{
    public static string Format(DateTimeOffset instant, string timeZone, DateTimeOffset now)
    {
        var zone = LocalClock.Zone(timeZone);
        var local = LocalClock.ToLocal(instant, zone);
        var year = local.Year == LocalClock.ToLocal(now, zone).Year ? "" : " yyyy";
        var format = local.TimeOfDay == TimeSpan.Zero ? $"ddd d MMM{year}" : $"ddd d MMM{year}, HH:mm";
        return $"{local.ToString(format, CultureInfo.InvariantCulture)} ({ZoneName(zone)} time)";
    }

    private static string ZoneName(TimeZoneInfo zone) => zone == TimeZoneInfo.Utc ? "UTC" : zone.Id;
}
