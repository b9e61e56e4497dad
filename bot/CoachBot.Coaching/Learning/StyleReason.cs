namespace CoachBot.Coaching.Learning;

/// <summary>Why a nudge was worded in the style it was; stored with the nudge so `why` can answer truthfully later.</summary>
public enum StyleReason
{
    /// <summary>The rep's declared style (from the quiz or a manager).</summary>
    Declared,

    /// <summary>The rep picked this style themselves: the learner never words their nudges any other way.</summary>
    Chosen,

    /// <summary>One of the bounded trials of another style, to learn what this rep answers.</summary>
    Explored,

    /// <summary>The rep's style is not known yet, so the default rendering was used.</summary>
    Assumed,
}

public static class StyleReasons
{
    public static string ToDbValue(this StyleReason reason) => reason switch
    {
        StyleReason.Chosen => "chosen",
        StyleReason.Explored => "explored",
        StyleReason.Assumed => "assumed",
        _ => "declared",
    };

    public static StyleReason FromDbValue(string? value) => value switch
    {
        "chosen" => StyleReason.Chosen,
        "explored" => StyleReason.Explored,
        "assumed" => StyleReason.Assumed,
        _ => StyleReason.Declared,
    };
}
