namespace CoachBot.Coaching.Profiles;

/// <summary>The race a rep runs: short-cycle sprint, mid-market middle distance, long-cycle enterprise distance.</summary>
public enum Race
{
    Sprint,
    Middle,
    Distance,
}

public static class Races
{
    private static readonly string[] DbNames = ["sprint", "middle", "distance"];

    public static IReadOnlyList<string> Names => DbNames;

    public static string ToDb(this Race race) => DbNames[(int)race];

    public static bool TryParse(string? text, out Race race)
    {
        // Reps type "middle distance" or "middle-distance"; both mean the db value "middle".
        var normalized = (text ?? "").Trim().ToLowerInvariant().Replace('-', ' ');
        if (normalized == "middle distance")
        {
            normalized = "middle";
        }

        var index = Array.IndexOf(DbNames, normalized);
        race = index < 0 ? default : (Race)index;
        return index >= 0;
    }

    public static Race FromDb(string value) => TryParse(value, out var race) ? race : Race.Middle;
}
