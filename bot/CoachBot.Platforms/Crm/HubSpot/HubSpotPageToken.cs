using System.Globalization;

namespace CoachBot.Platforms.Crm.HubSpot;

/// <summary>
/// The page token CoachBot stores for a HubSpot read: "l:{after}" for a list (full load), "s:{since ms}:{after}" for a
/// search (incremental; since moves forward each time the search hits its result cap). Activities prefix the index of
/// the object type being read ("2/s:…"), so one cursor walks calls, emails, meetings, tasks and notes in turn.
/// </summary>
internal readonly record struct HubSpotPageToken(bool Search, DateTimeOffset? Since, string? After)
{
    public static HubSpotPageToken Start(DateTimeOffset? modifiedSince) => new(modifiedSince is not null, modifiedSince, null);

    public static HubSpotPageToken Parse(string? token, DateTimeOffset? modifiedSince)
    {
        if (string.IsNullOrEmpty(token))
        {
            return Start(modifiedSince);
        }

        if (token.StartsWith("l:", StringComparison.Ordinal))
        {
            return new HubSpotPageToken(false, null, Empty(token[2..]));
        }

        var parts = token.Split(':', 3);
        if (parts is ["s", var since, var after] && long.TryParse(since, NumberStyles.None, CultureInfo.InvariantCulture, out var ms))
        {
            return new HubSpotPageToken(true, DateTimeOffset.FromUnixTimeMilliseconds(ms), Empty(after));
        }

        // A token from another version: start this read again rather than fail for good (upserts make it harmless).
        return Start(modifiedSince);
    }

    public override string ToString() => Search
        ? $"s:{Since!.Value.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)}:{After}"
        : $"l:{After}";

    private static string? Empty(string value) => value.Length == 0 ? null : value;
}
