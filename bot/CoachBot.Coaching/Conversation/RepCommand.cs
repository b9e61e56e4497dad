using CoachBot.Coaching.Goals;
using CoachBot.Coaching.Profiles;

namespace CoachBot.Coaching.Conversation;

/// <summary>A rep command after parsing. A null argument means "show me the current value".</summary>
public abstract record RepCommand
{
    public sealed record Help : RepCommand;

    public sealed record Setup : RepCommand;

    /// <summary>Why the latest nudge was worded the way it was.</summary>
    public sealed record Why : RepCommand;

    public sealed record Style(CommunicationStyle? Value) : RepCommand;

    public sealed record SetRace(Race? Value) : RepCommand;

    /// <summary>An empty list clears the focus skills.</summary>
    public sealed record Focus(IReadOnlyList<FocusSkill>? Skills) : RepCommand;

    /// <summary>ISO days (1 = Monday) and/or the local send time; both null shows the schedule.</summary>
    public sealed record Schedule(IReadOnlyList<int>? IsoDays, TimeOnly? SendTime) : RepCommand;

    public sealed record TimeZone(string? Id) : RepCommand;

    /// <summary>No nudges until <paramref name="End"/> (resolved against now and the rep's zone when run).</summary>
    public sealed record Snooze(HoldEnd End) : RepCommand;

    /// <summary>Without an end: hold nudges until `resume`. With one: the same as a snooze to that end.</summary>
    public sealed record Pause(HoldEnd? Until = null) : RepCommand;

    public sealed record Resume : RepCommand;

    public sealed record Stop : RepCommand;

    public sealed record Start : RepCommand;

    public sealed record MyData(bool Export) : RepCommand;

    public sealed record DeleteMyData(bool Confirmed) : RepCommand;

    /// <summary>`goal …`: show, set or remove the rep's own targets.</summary>
    public sealed record Goals(GoalRequest Request) : RepCommand;

    /// <summary>`log 3 calls`, "booked 2 meetings": progress typed by the rep.</summary>
    public sealed record LogProgress(GoalMetric Metric, int Amount) : RepCommand;
}
