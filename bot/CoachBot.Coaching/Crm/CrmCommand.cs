using CoachBot.Coaching.Managers;

namespace CoachBot.Coaching.Crm;

public enum CrmAction
{
    Connect,
    Status,
    Unmatched,
    Sync,
    Disconnect,
}

/// <summary>`crm …` (admins only): connect a CRM, see how its sync stands, who did not match, sync now, disconnect.</summary>
public sealed record CrmCommand(CrmAction Action, CrmKind? Kind = null) : ManagerCommand("crm");
