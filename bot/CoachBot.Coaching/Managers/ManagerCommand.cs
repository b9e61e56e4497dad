using CoachBot.Coaching.Goals;

namespace CoachBot.Coaching.Managers;

public enum EscalationFilter
{
    Open,
    Mine,
    All,
}

/// <summary>A parsed manager command. <see cref="Verb"/> names it in the audit log.</summary>
public abstract record ManagerCommand(string Verb)
{
    public sealed record Help() : ManagerCommand("help");
    public sealed record Reps() : ManagerCommand("reps");
    public sealed record Rep(PersonRef Person) : ManagerCommand("rep");
    public sealed record SetStyle(PersonRef Person, string Style) : ManagerCommand("style");
    public sealed record SetRace(PersonRef Person, string Race) : ManagerCommand("race");
    public sealed record SetFocus(PersonRef Person, IReadOnlyList<string> Skills) : ManagerCommand("focus");
    public sealed record SetSchedule(PersonRef Person, IReadOnlyList<TimeOnly> SendTimes, IReadOnlyList<int>? WorkingDays) : ManagerCommand("schedule");
    public sealed record Pause(PersonRef Person) : ManagerCommand("pause");
    public sealed record Resume(PersonRef Person) : ManagerCommand("resume");
    public sealed record Nudge(PersonRef Person, bool Now) : ManagerCommand("nudge");
    public sealed record ListEscalations(EscalationFilter Filter) : ManagerCommand("escalations");
    public sealed record Ack(long EscalationId) : ManagerCommand("ack");
    public sealed record Resolve(long EscalationId, string? ResolutionNote) : ManagerCommand("resolve");
    public sealed record Reassign(long EscalationId, PersonRef To) : ManagerCommand("reassign");
    public sealed record Snooze(long EscalationId, TimeSpan For) : ManagerCommand("snooze");
    public sealed record Note(long EscalationId, string Text) : ManagerCommand("note");
    public sealed record Brief(PersonRef? Person) : ManagerCommand("brief");
    public sealed record Stats() : ManagerCommand("stats");
    public sealed record Import(string Csv) : ManagerCommand("import");
    public sealed record SetManager(bool Add, PersonRef Person) : ManagerCommand("managers");
    public sealed record Keywords(string? Add, string? Remove) : ManagerCommand("keywords");
    public sealed record Unreachable() : ManagerCommand("unreachable");
    public sealed record InstallTeams() : ManagerCommand("install");
    public sealed record ProposeGoal(PersonRef Person, GoalRequest.Set Goal) : ManagerCommand("goal");

    /// <summary>Bad input: answered with one line and the usage; nothing changes.</summary>
    public sealed record Invalid(string Message) : ManagerCommand("invalid");
}
