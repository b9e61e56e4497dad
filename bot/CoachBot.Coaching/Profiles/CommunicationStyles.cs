namespace CoachBot.Coaching.Profiles;

/// <summary>Parsing and stored values for <see cref="CommunicationStyle"/>: "driver", "D", "red" all mean Driver.</summary>
public static class CommunicationStyles
{
    private static readonly TermTable<CommunicationStyle> Terms = new([
        (CommunicationStyle.Driver, "driver", "driver", ["d", "red", "director", "dominance", "dominant"]),
        (CommunicationStyle.Expressive, "expressive", "expressive", ["i", "yellow", "influence", "influencer", "socializer"]),
        (CommunicationStyle.Amiable, "amiable", "amiable", ["s", "green", "steady", "steadiness", "supporter"]),
        (CommunicationStyle.Analytical, "analytical", "analytical", ["c", "blue", "analyst", "conscientious", "conscientiousness", "thinker"]),
    ]);

    public static IReadOnlyList<CommunicationStyle> All { get; } = Enum.GetValues<CommunicationStyle>();

    /// <summary>"driver, expressive, amiable, analytical" — for "valid options are …" replies.</summary>
    public static string ValidOptions => Terms.ValidOptions;

    public static bool TryParse(string? text, out CommunicationStyle style) => Terms.TryParse(text, out style);

    /// <summary>The value stored in rep_profile.style.</summary>
    public static string ToDbValue(this CommunicationStyle style) => Terms.DbValue(style);

    /// <summary>Null for a null or unknown stored value (style not yet known).</summary>
    public static CommunicationStyle? FromDbValue(string? value) => Terms.FromDb(value);

    public static string Label(this CommunicationStyle style) => Terms.Label(style);
}
