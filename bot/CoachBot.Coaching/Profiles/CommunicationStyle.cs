namespace CoachBot.Coaching.Profiles;

/// <summary>Merrill–Reid social style; the database stores the lower-case name (see 0002_rep_profile.sql).</summary>
public enum CommunicationStyle
{
    Driver,
    Expressive,
    Amiable,
    Analytical,
}

public static class CommunicationStyles
{
    private static readonly string[] DbNames = ["driver", "expressive", "amiable", "analytical"];

    public static IReadOnlyList<string> Names => DbNames;

    public static string ToDb(this CommunicationStyle style) => DbNames[(int)style];

    public static bool TryParse(string? text, out CommunicationStyle style)
    {
        var index = Array.IndexOf(DbNames, text?.Trim().ToLowerInvariant() ?? "");
        style = index < 0 ? default : (CommunicationStyle)index;
        return index >= 0;
    }

    public static CommunicationStyle? FromDb(string? value) => TryParse(value, out var style) ? style : null;
}
