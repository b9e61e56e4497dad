namespace CoachBot.Coaching.Profiles;

/// <summary>Parsing and stored values for <see cref="Race"/> ('sprint', 'middle', 'distance' in rep_profile.race).</summary>
public static class Races
{
    private static readonly TermTable<Race> Terms = new([
        (Race.Sprint, "sprint", "sprint", ["sprinter", "short", "short cycle", "transactional", "smb", "100m"]),
        (Race.Middle, "middle", "middle distance", ["middle distance runner", "mid", "mid market", "midmarket", "800m"]),
        (Race.Distance, "distance", "distance", ["distance runner", "long", "long cycle", "enterprise", "marathon", "10k", "10000m"]),
    ]);

    public static IReadOnlyList<Race> All { get; } = Enum.GetValues<Race>();

    public static string ValidOptions => Terms.ValidOptions;

    public static bool TryParse(string? text, out Race race) => Terms.TryParse(text, out race);

    public static string ToDbValue(this Race race) => Terms.DbValue(race);

    public static Race? FromDbValue(string? value) => Terms.FromDb(value);

    public static string Label(this Race race) => Terms.Label(race);
}
