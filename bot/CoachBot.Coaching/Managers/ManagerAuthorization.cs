using CoachBot.Coaching.Escalations;
using CoachBot.Coaching.People;

namespace CoachBot.Coaching.Managers;

/// <summary>
/// Who may do what, decided only from CoachBot's own roster (platform admin flags never count).
/// Pure rules: the caller loads the rep's chain of managers (manager, their manager, …).
/// </summary>
public static class ManagerAuthorization
{
    public static AccessDecision CanUseManagerCommands(Person? actor) => actor switch
    {
        null => AccessDecision.Refuse("Manager commands are for managers in CoachBot's roster, and I don't know you yet."),
        { IsManager: false } => AccessDecision.Refuse("Manager commands are only for managers in CoachBot's roster. An admin can add you with `managers add`."),
        _ => AccessDecision.Allow,
    };

    public static AccessDecision CanAdminister(Person actor) => actor.Role == PersonRole.Admin
        ? AccessDecision.Allow
        : AccessDecision.Refuse("Only CoachBot admins can do that.");

    public static AccessDecision CanActOn(Person actor, Person rep, IReadOnlyCollection<long> repManagerChain)
    {
        if (!actor.IsManager)
        {
            return CanUseManagerCommands(actor);
        }

        if (actor.WorkspaceId != rep.WorkspaceId)
        {
            return AccessDecision.Refuse($"{rep.DisplayName} is not in your workspace.");
        }

        return actor.Role == PersonRole.Admin || repManagerChain.Contains(actor.Id)
            ? AccessDecision.Allow
            : AccessDecision.Refuse($"{rep.DisplayName} is not one of your reps (or your reports' reps).");
    }

    /// <summary>The rep's managers may act, and so may whoever currently owns it or received it as skip-level.</summary>
    public static AccessDecision CanActOn(Person actor, Escalation escalation, Person rep, IReadOnlyCollection<long> repManagerChain)
    {
        if (actor.IsManager && actor.WorkspaceId == escalation.WorkspaceId
            && (escalation.OwnerId == actor.Id || escalation.SkipLevelOwnerId == actor.Id))
        {
            return AccessDecision.Allow;
        }

        var decision = CanActOn(actor, rep, repManagerChain);
        return decision.Allowed ? decision : AccessDecision.Refuse($"{escalation.ShortId} is not yours: {decision.Refusal}");
    }
}
