namespace CoachBot.Coaching.Conversation;

/// <summary>Validates time zone names against the system's IANA database; Windows names are converted.</summary>
public static class TimeZoneLookup
{
    private static readonly Lazy<string[]> KnownIds = new(() =>
        TimeZoneInfo.GetSystemTimeZones().Where(z => z.HasIanaId).Select(z => z.Id).Append("UTC").Distinct().ToArray());

    public static bool TryFind(string text, out string ianaId)
    {
        ianaId = KnownIds.Value.FirstOrDefault(id => string.Equals(id, text, StringComparison.OrdinalIgnoreCase)) ?? "";
        if (ianaId.Length > 0)
        {
            return true;
        }

        if (TimeZoneInfo.TryFindSystemTimeZoneById(text, out var zone))
        {
            if (zone.HasIanaId)
            {
                ianaId = zone.Id;
                return true;
            }

            return TimeZoneInfo.TryConvertWindowsIdToIanaId(zone.Id, out ianaId!);
        }

        return false;
    }

    public static IReadOnlyList<string> Suggest(string text)
    {
        // Compare against the city part too, so "berlin" or "Europe/Berln" both find Europe/Berlin.
        return KnownIds.Value
            .Select(id => (Id: id, Distance: Math.Min(EditDistance.Between(text, id), EditDistance.Between(text, id[(id.LastIndexOf('/') + 1)..]))))
            .Where(x => x.Distance <= 2)
            .OrderBy(x => x.Distance)
            .ThenBy(x => x.Id, StringComparer.Ordinal)
            .Take(3)
            .Select(x => x.Id)
            .ToList();
    }
}
