using System.Globalization;
using System.Text.RegularExpressions;
using CoachBot.Coaching.Scheduling;

namespace CoachBot.Coaching.Conversation;

/// <summary>
/// When a pause or snooze ends, as people type it: "3d", "2 days", "for 2 weeks", "1h", "tomorrow", "until friday",
/// "next monday", "until Dec 20", "till 20 december", "until 2026-12-20". Pure: parsing needs no clock, and
/// <see cref="Resolve"/> takes "now" and the rep's zone. A day means "nudges may come again from that local midnight",
/// so "until friday" is back on Friday. Weekdays are the next such day after today ("next friday" too); dates
/// without a year are the next such date.
/// </summary>
public abstract partial record HoldEnd
{
    /// <summary>A length from now.</summary>
    public sealed record For(TimeSpan Length) : HoldEnd;

    /// <summary>The next <paramref name="Day"/> after today.</summary>
    public sealed record Weekday(DayOfWeek Day) : HoldEnd;

    /// <summary>Today plus <paramref name="Days"/> (tomorrow = 1).</summary>
    public sealed record DaysAhead(int Days) : HoldEnd;

    /// <summary>A calendar date; without a year, the next time it comes round.</summary>
    public sealed record Date(int? Year, int Month, int Day) : HoldEnd;

    private static readonly string[] Filler = ["for", "until", "till", "til", "untill", "to", "on", "next", "the", "this", "coming"];

    /// <summary>The end the words describe, or null when they describe none.</summary>
    public static HoldEnd? Parse(IReadOnlyList<string> words)
    {
        var text = string.Join(' ', words).ToLowerInvariant().Replace(",", " ", StringComparison.Ordinal);
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).SkipWhile(w => Filler.Contains(w)).ToArray();
        if (parts.Length == 0)
        {
            return null;
        }

        var rest = string.Join(' ', parts);
        if (LengthPattern().Match(rest) is { Success: true } length)
        {
            return LengthOf(length.Groups["n"].Value, length.Groups["unit"].Value);
        }

        if (parts is ["tomorrow"] or ["tmrw"] or ["tmr"])
        {
            return new DaysAhead(1);
        }

        if (parts is [var single] && WeekdayOf(single) is { } weekday)
        {
            return new Weekday(weekday);
        }

        if (parts is ["next", "week"] or ["week"])
        {
            return new Weekday(DayOfWeek.Monday);
        }

        if (parts is [var iso] && DateOnly.TryParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var exact))
        {
            return new Date(exact.Year, exact.Month, exact.Day);
        }

        return MonthDay(parts);
    }

    /// <summary>The instant the hold ends, or null when it is not in the future.</summary>
    public static DateTimeOffset? Resolve(HoldEnd end, DateTimeOffset now, string timeZone)
    {
        var zone = LocalClock.Zone(timeZone);
        var today = DateOnly.FromDateTime(LocalClock.ToLocal(now, zone));
        DateOnly day;
        switch (end)
        {
            case For f:
                return now + f.Length;
            case DaysAhead d:
                day = today.AddDays(d.Days);
                break;
            case Weekday w:
                var ahead = ((int)w.Day - (int)today.DayOfWeek + 7) % 7;
                day = today.AddDays(ahead == 0 ? 7 : ahead);
                break;
            case Date { Year: { } year } d:
                if (!TryDate(year, d.Month, d.Day, out day))
                {
                    return null;
                }

                break;
            case Date d:
                if (!TryDate(today.Year, d.Month, d.Day, out day) || day <= today)
                {
                    if (!TryDate(today.Year + 1, d.Month, d.Day, out day))
                    {
                        return null;
                    }
                }

                break;
            default:
                return null;
        }

        var at = LocalClock.ToInstant(day, TimeOnly.MinValue, zone).ToUniversalTime();
        return at > now ? at : null;
    }

    private static HoldEnd? LengthOf(string number, string unit)
    {
        var n = int.Parse(number, CultureInfo.InvariantCulture);
        if (n == 0)
        {
            return null;
        }

        return unit[0] switch
        {
            'h' => new For(TimeSpan.FromHours(n)),
            'w' => new For(TimeSpan.FromDays(n * 7)),
            'm' => new For(TimeSpan.FromDays(n * 30)),
            _ => new For(TimeSpan.FromDays(n)),
        };
    }

    // "dec 20", "december 20th", "20 dec", "20th of december".
    private static Date? MonthDay(string[] parts)
    {
        var words = parts.Where(p => p != "of").ToArray();
        if (words.Length is < 2 or > 3)
        {
            return null;
        }

        int? year = null;
        if (words.Length == 3)
        {
            if (!int.TryParse(words[2], NumberStyles.None, CultureInfo.InvariantCulture, out var y) || y is < 2000 or > 2100)
            {
                return null;
            }

            year = y;
        }

        if (MonthOf(words[0]) is { } m1 && DayOf(words[1]) is { } d1)
        {
            return new Date(year, m1, d1);
        }

        return MonthOf(words[1]) is { } m2 && DayOf(words[0]) is { } d2 ? new Date(year, m2, d2) : null;
    }

    private static int? MonthOf(string word)
    {
        if (word.Length < 3)
        {
            return null;
        }

        for (var m = 1; m <= 12; m++)
        {
            var name = CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(m).ToLowerInvariant();
            if (name.StartsWith(word.TrimEnd('.'), StringComparison.Ordinal) || (word == "sept" && m == 9))
            {
                return m;
            }
        }

        return null;
    }

    private static int? DayOf(string word)
    {
        var digits = DayPattern().Match(word);
        return digits.Success && int.TryParse(digits.Groups["d"].Value, CultureInfo.InvariantCulture, out var d) && d is >= 1 and <= 31 ? d : null;
    }

    private static DayOfWeek? WeekdayOf(string word)
    {
        foreach (var day in Enum.GetValues<DayOfWeek>())
        {
            var name = day.ToString().ToLowerInvariant();
            if (word == name || word == name + "s" || (word.Length >= 3 && name.StartsWith(word, StringComparison.Ordinal)))
            {
                return day;
            }
        }

        return null;
    }

    private static bool TryDate(int year, int month, int day, out DateOnly date)
    {
        date = default;
        if (year is < 1 or > 9999 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    [GeneratedRegex(@"^(?<n>\d{1,3})\s*(?<unit>h|hr|hrs|hour|hours|d|day|days|w|wk|wks|week|weeks|mo|month|months)$")]
    private static partial Regex LengthPattern();

    [GeneratedRegex(@"^(?<d>\d{1,2})(st|nd|rd|th)?$")]
    private static partial Regex DayPattern();
}
