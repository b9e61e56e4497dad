namespace CoachBot.Coaching.Escalations;

/// <summary>
/// Whose escalations a list shows. The store spells the SQL for each scope itself, so no caller ever hands it a
/// fragment of SQL; what a manager may see is decided by the caller (the roster), which picks the scope.
/// </summary>
public abstract record EscalationScope
{
    private EscalationScope()
    {
    }

    /// <summary>About one rep: their profile card and the manager's brief.</summary>
    public sealed record Rep(long RepId) : EscalationScope;

    /// <summary>Owned by one manager, now: `escalations mine`.</summary>
    public sealed record OwnedBy(long ManagerId) : EscalationScope;

    /// <summary>What a manager answers for: owned by them, escalated to them (skip level), or about anyone under them.</summary>
    public sealed record ManagerReach(long ManagerId, IReadOnlyList<long> Team) : EscalationScope;

    /// <summary>Every escalation in a workspace: admins.</summary>
    public sealed record Workspace(long WorkspaceId) : EscalationScope;
}
