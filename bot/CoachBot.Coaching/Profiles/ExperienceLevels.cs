namespace CoachBot.Coaching.Profiles;

/// <summary>Parsing and stored values for <see cref="ExperienceLevel"/> ('newer', 'experienced' in rep_profile.experience).</summary>
public static class ExperienceLevels
{
    private static readonly TermTable<ExperienceLevel> Terms = new([
        (ExperienceLevel.Newer, "newer", "newer", ["new", "junior", "ramping", "beginner", "learning"]),
        (ExperienceLevel.Experienced, "experienced", "experienced", ["exp", "senior", "seasoned", "veteran", "expert"]),
    ]);

    public static IReadOnlyList<ExperienceLevel> All { get; } = Enum.GetValues<ExperienceLevel>();

    public static string ValidOptions => Terms.ValidOptions;

    public static bool TryParse(string? text, out ExperienceLevel level) => Terms.TryParse(text, out level);

    public static string ToDbValue(this ExperienceLevel level) => Terms.DbValue(level);

    public static ExperienceLevel? FromDbValue(string? value) => Terms.FromDb(value);

    public static string Label(this ExperienceLevel level) => Terms.Label(level);
}
