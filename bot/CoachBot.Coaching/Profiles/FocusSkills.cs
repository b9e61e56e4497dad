namespace CoachBot.Coaching.Profiles;

/// <summary>
/// Parsing and stored values for <see cref="FocusSkill"/>. Stored in rep_profile.focus_skills and the nudge files as
/// snake_case ("objection_handling"); shown as "objection handling".
/// </summary>
public static class FocusSkills
{
    public const int MaxPerRep = 3;

    private static readonly TermTable<FocusSkill> Terms = new([
        (FocusSkill.Prospecting, "prospecting", "prospecting", ["prospect", "outbound", "cold calling", "lead generation"]),
        (FocusSkill.Discovery, "discovery", "discovery", ["discover", "qualification", "qualifying", "questions"]),
        (FocusSkill.Demo, "demo", "demo", ["demos", "demoing", "presenting", "presentation", "presentations"]),
        (FocusSkill.ObjectionHandling, "objection_handling", "objection handling", ["objection", "objections", "handling objections", "pushback"]),
        (FocusSkill.Negotiation, "negotiation", "negotiation", ["negotiating", "negotiate", "pricing", "discounting"]),
        (FocusSkill.Closing, "closing", "closing", ["close", "closes", "close plans"]),
        (FocusSkill.PipelineHygiene, "pipeline_hygiene", "pipeline hygiene", ["pipeline", "hygiene", "crm", "crm hygiene", "pipeline management"]),
        (FocusSkill.AccountGrowth, "account_growth", "account growth", ["growth", "expansion", "upsell", "upselling", "cross sell", "account management"]),
        (FocusSkill.Forecasting, "forecasting", "forecasting", ["forecast", "forecasts", "commit"]),
        (FocusSkill.SelfManagement, "self_management", "self management", ["self", "time management", "energy", "planning"]),
    ]);

    private static readonly string[] Separators = [",", ";", "/", "&", " and ", "+"];

    public static IReadOnlyList<FocusSkill> All { get; } = Enum.GetValues<FocusSkill>();

    public static string ValidOptions => Terms.ValidOptions;

    public static bool TryParse(string? text, out FocusSkill skill) => Terms.TryParse(text, out skill);

    public static string ToDbValue(this FocusSkill skill) => Terms.DbValue(skill);

    public static FocusSkill? FromDbValue(string? value) => Terms.FromDb(value);

    public static string Label(this FocusSkill skill) => Terms.Label(skill);

    /// <summary>The skill's name and the words people use for it ("pricing", "pushback"), e.g. to match a question to a skill.</summary>
    public static IEnumerable<string> Words(this FocusSkill skill) => Terms.Words(skill);

    /// <summary>
    /// Reads a list such as "discovery, objections and closing" or "demo pipeline". Returns the skills in the order given
    /// (no duplicates) and the words it could not place, so callers can answer with the valid options.
    /// </summary>
    public static (IReadOnlyList<FocusSkill> Skills, IReadOnlyList<string> Unknown) ParseList(string? text)
    {
        var skills = new List<FocusSkill>();
        var unknown = new List<string>();
        var pieces = (text ?? "").ToLowerInvariant().Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var piece in pieces)
        {
            ReadPiece(TermTable<FocusSkill>.Normalize(piece).Split(' ', StringSplitOptions.RemoveEmptyEntries), skills, unknown);
        }

        return (skills, unknown);
    }

    // Longest match first, so "objection handling demo" is two skills, not an unknown word.
    private static void ReadPiece(string[] words, List<FocusSkill> skills, List<string> unknown)
    {
        var start = 0;
        while (start < words.Length)
        {
            var matched = false;
            for (var length = words.Length - start; length > 0 && !matched; length--)
            {
                if (TryParse(string.Join(' ', words, start, length), out var skill))
                {
                    if (!skills.Contains(skill))
                    {
                        skills.Add(skill);
                    }

                    start += length;
                    matched = true;
                }
            }

            if (!matched)
            {
                unknown.Add(words[start]);
                start++;
            }
        }
    }
}
