using System.Collections.Concurrent;
using PublicHoliday;

namespace CoachBot.Coaching.Scheduling;

/// <summary>Public holidays by ISO 3166 country code, from the PublicHoliday package. Unknown codes have no holidays.</summary>
public static class HolidayCalendar
{
    private static readonly ConcurrentDictionary<(string Country, int Year), HashSet<DateOnly>> Cache = new();

    public static bool IsSupported(string country) => Provider(country) is not null;

    public static bool IsHoliday(string? country, DateOnly date)
    {
        if (string.IsNullOrWhiteSpace(country))
        {
            return false;
        }

        var days = Cache.GetOrAdd((country.ToUpperInvariant(), date.Year), key =>
            Provider(key.Country) is { } provider
                ? provider.PublicHolidays(key.Year).Select(DateOnly.FromDateTime).ToHashSet()
                : []);
        return days.Contains(date);
    }

    private static IPublicHolidays? Provider(string country)
    {
        try
        {
            return PublicHolidayFactory.GetPublicHolidayForCountry(country.ToUpperInvariant());
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
