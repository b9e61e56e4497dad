namespace CoachBot.Coaching.Profiles;

public enum ExperienceLevel
{
    Newer,
    Experienced,
}

public static class ExperienceLevels
{
    private static readonly string[] DbNames = ["newer", "experienced"];

    public static IReadOnlyList<string> Names => DbNames;

    public static string ToDb(this ExperienceLevel level) => DbNames[(int)level];

    public static bool TryParse(string? text, out ExperienceLevel level)
    {
        var index = Array.IndexOf(DbNames, text?.Trim().ToLowerInvariant() ?? "");
        level = index < 0 ? default : (ExperienceLevel)index;
        return index >= 0;
    }

    public static ExperienceLevel FromDb(string value) => TryParse(value, out var level) ? level : ExperienceLevel.Newer;
}
