namespace CoachBot.Coaching.Escalations;

/// <summary>Database spellings and human labels of the escalation enums.</summary>
public static class EscalationNames
{
    public static string ToDb(this EscalationReason reason) => reason switch
    {
        EscalationReason.NeedHelp => "need_help",
        EscalationReason.LowConfidence => "low_confidence",
        EscalationReason.MissedNudges => "missed_nudges",
        _ => "keyword",
    };

    public static EscalationReason ParseReason(string value) => value switch
    {
        "need_help" => EscalationReason.NeedHelp,
        "low_confidence" => EscalationReason.LowConfidence,
        "missed_nudges" => EscalationReason.MissedNudges,
        _ => EscalationReason.Keyword,
    };

    public static string ToDb(this EscalationState state) => state.ToString().ToLowerInvariant();

    public static string ToDb(this EscalationSeverity severity) => severity.ToString().ToLowerInvariant();

    public static string Label(this EscalationReason reason) => reason switch
    {
        EscalationReason.NeedHelp => "Asked for help",
        EscalationReason.LowConfidence => "Low confidence",
        EscalationReason.MissedNudges => "Missed check-ins",
        _ => "Keyword in a shared reply",
    };

    public static EscalationSeverity DefaultSeverity(this EscalationReason reason) => reason switch
    {
        EscalationReason.NeedHelp or EscalationReason.Keyword => EscalationSeverity.High,
        EscalationReason.LowConfidence => EscalationSeverity.Medium,
        _ => EscalationSeverity.Low,
    };
}
