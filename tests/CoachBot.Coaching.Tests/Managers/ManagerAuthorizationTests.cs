using CoachBot.Coaching.Chat;
using CoachBot.Coaching.Escalations;
using CoachBot.Coaching.Managers;
using CoachBot.Coaching.People;

namespace CoachBot.Coaching.Tests.Managers;

public sealed class ManagerAuthorizationTests
{
    private static Person Someone(long id, PersonRole role, long? managerId = null, long workspaceId = 1) =>
        new(id, workspaceId, new PersonKey(ChatPlatform.Slack, "T1", $"U{id}"), $"Person {id}", null, role, managerId, "UTC", "en-US", true);

    [Fact]
    public void RepsAndStrangersCannotUseManagerCommands()
    {
        Assert.False(ManagerAuthorization.CanUseManagerCommands(Someone(1, PersonRole.Rep)).Allowed);
        Assert.False(ManagerAuthorization.CanUseManagerCommands(null).Allowed);
        Assert.True(ManagerAuthorization.CanUseManagerCommands(Someone(2, PersonRole.Manager)).Allowed);
    }

    [Fact]
    public void ManagerActsOnOwnRepAndTheirReportsReps()
    {
        var director = Someone(1, PersonRole.Manager);
        var rep = Someone(3, PersonRole.Rep, managerId: 2);

        Assert.True(ManagerAuthorization.CanActOn(director, rep, [2, 1]).Allowed);
        Assert.True(ManagerAuthorization.CanActOn(Someone(2, PersonRole.Manager), rep, [2, 1]).Allowed);
    }

    [Fact]
    public void ManagerCannotActOnSomeoneElsesRep()
    {
        var decision = ManagerAuthorization.CanActOn(Someone(9, PersonRole.Manager), Someone(3, PersonRole.Rep, 2), [2, 1]);

        Assert.False(decision.Allowed);
        Assert.Contains("not one of your reps", decision.Refusal);
    }

    [Fact]
    public void AdminActsOnAnyoneInTheirWorkspaceOnly()
    {
        var admin = Someone(5, PersonRole.Admin);

        Assert.True(ManagerAuthorization.CanActOn(admin, Someone(3, PersonRole.Rep, 2), []).Allowed);
        Assert.False(ManagerAuthorization.CanActOn(admin, Someone(4, PersonRole.Rep, 2, workspaceId: 2), []).Allowed);
    }

    [Fact]
    public void OnlyAdminsAdminister()
    {
        Assert.False(ManagerAuthorization.CanAdminister(Someone(1, PersonRole.Manager)).Allowed);
        Assert.True(ManagerAuthorization.CanAdminister(Someone(1, PersonRole.Admin)).Allowed);
    }

    [Fact]
    public void CurrentOwnerOfAReassignedEscalationMayActOnIt()
    {
        var outsider = Someone(9, PersonRole.Manager);
        var rep = Someone(3, PersonRole.Rep, 2);
        var escalation = new Escalation(1, 1, 3, 9, EscalationReason.NeedHelp, EscalationSeverity.High, null, EscalationState.Open, DateTimeOffset.UnixEpoch);

        Assert.True(ManagerAuthorization.CanActOn(outsider, escalation, rep, [2]).Allowed);
        Assert.False(ManagerAuthorization.CanActOn(outsider, escalation with { OwnerId = 2 }, rep, [2]).Allowed);
    }

    [Fact]
    public void ARepOwningNothingCannotActOnAnEscalation()
    {
        var rep = Someone(3, PersonRole.Rep, 2);
        var escalation = new Escalation(1, 1, 3, 3, EscalationReason.NeedHelp, EscalationSeverity.High, null, EscalationState.Open, DateTimeOffset.UnixEpoch);

        Assert.False(ManagerAuthorization.CanActOn(rep, escalation, rep, [2]).Allowed);
    }
}
