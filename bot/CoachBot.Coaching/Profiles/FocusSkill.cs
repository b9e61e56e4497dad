namespace CoachBot.Coaching.Profiles;

public enum FocusSkill
{
    Prospecting,
    Discovery,
    Demo,
    ObjectionHandling,
    Negotiation,
    Closing,
    PipelineHygiene,
    AccountGrowth,
    Forecasting,
    SelfManagement,
}

/// <summary>Db values are snake_case ("objection_handling"); reps may type spaces or hyphens instead.</summary>
public static class FocusSkills
{
    public const int MaxPerRep = 3;

    private static readonly string[] DbNames =
    [
        "prospecting", "discovery", "demo", "objection_handling", "negotiation",
        "closing", "pipeline_hygiene", "account_growth", "forecasting", "self_management",
    ];

    public static IReadOnlyList<string> Names => DbNames;

    public static string ToDb(this FocusSkill skill) => DbNames[(int)skill];

    public static string Label(this FocusSkill skill) => DbNames[(int)skill].Replace('_', ' ');

    public static bool TryParse(string? text, out FocusSkill skill)
    {
        var normalized = string.Join('_', (text ?? "").Trim().ToLowerInvariant()
            .Split([' ', '-', '_'], StringSplitOptions.RemoveEmptyEntries));
        var index = Array.IndexOf(DbNames, normalized);
        skill = index < 0 ? default : (FocusSkill)index;
        return index >= 0;
    }

    public static IReadOnlyList<FocusSkill> FromDb(IEnumerable<string> values) =>
        values.Select(v => TryParse(v, out var s) ? (FocusSkill?)s : null).OfType<FocusSkill>().ToList();
}
