namespace CoachBot.Testing.Journeys;

/// <summary>Enough of five-field cron (numbers, *, */n, lists) for CoachBot's recurring jobs, evaluated in UTC.</summary>
internal static class JourneyCron
{
    public static bool FiresBetween(string cron, DateTimeOffset after, DateTimeOffset upTo) =>
        NextAfter(cron, after) is { } next && next <= upTo;

    public static bool IsDailyOrRarer(string cron) => cron.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [var m, var h, ..] && IsNumber(m) && IsNumber(h);

    public static DateTimeOffset? NextAfter(string cron, DateTimeOffset after)
    {
        var fields = cron.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != 5)
        {
            return null;
        }

        var t = new DateTimeOffset(after.UtcDateTime.Year, after.UtcDateTime.Month, after.UtcDateTime.Day, after.UtcDateTime.Hour, after.UtcDateTime.Minute, 0, TimeSpan.Zero).AddMinutes(1);
        for (var i = 0; i < 60 * 24 * 8; i++, t = t.AddMinutes(1))
        {
            if (Matches(fields[0], t.Minute) && Matches(fields[1], t.Hour) && Matches(fields[2], t.Day) && Matches(fields[3], t.Month)
                && Matches(fields[4], (int)t.DayOfWeek))
            {
                return t;
            }
        }

        return null;
    }

    private static bool IsNumber(string field) => field.All(char.IsAsciiDigit);

    private static bool Matches(string field, int value) => field.Split(',').Any(part => part switch
    {
        "*" => true,
        _ when part.StartsWith("*/", StringComparison.Ordinal) => value % int.Parse(part[2..], System.Globalization.CultureInfo.InvariantCulture) == 0,
        _ => int.TryParse(part, System.Globalization.CultureInfo.InvariantCulture, out var n) && n == value,
    });
}
