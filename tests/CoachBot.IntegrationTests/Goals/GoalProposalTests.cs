using CoachBot.Coaching.Chat;
using CoachBot.Coaching.Conversation;
using CoachBot.Coaching.Goals;
using CoachBot.Coaching.Managers;
using CoachBot.Coaching.People;
using CoachBot.Testing;
using CoachBot.Testing.Conversation;
using CoachBot.Testing.Escalations;

namespace CoachBot.IntegrationTests.Goals;

// A manager proposes, the rep decides: the DM's buttons, "Change it" leaving the number to the rep, and the manager told.
public sealed class GoalProposalTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private static Task<InboxReply> Say(EscalationWorld world, string userId, string text) =>
        world.Get<ManagerInbox>().OnCommandAsync(new InboundCommand(world.Sender(userId), world.ManagersChannel, text), default);

    private static async Task<(Person Boss, Person Rep)> TeamAsync(EscalationWorld world, string race)
    {
        var boss = await world.AddPersonAsync("UBOSS", "Pat Boss", PersonRole.Manager);
        var rep = await world.AddPersonAsync("UREP", "Sam Rep", manager: boss);
        await world.ExecuteAsync("insert into rep_schedule (person_id, workspace_id) values (@id, @workspace)", new { id = rep.Id, workspace = world.WorkspaceId });
        await world.ExecuteAsync("insert into rep_profile (person_id, race, onboarding_step) values (@id, @race, 'done')", new { id = rep.Id, race });
        return (boss, rep);
    }

    [Fact]
    public async Task ChangeItLeavesTheNumberToTheRepSetsNothingAndTellsTheManager()
    {
        await using var world = await EscalationWorld.CreateAsync(database, withRepConversation: true);
        var (boss, rep) = await TeamAsync(world, "sprint");

        var answer = await Say(world, "UBOSS", "goal @Sam Rep 5 demos weekly");
        var proposal = world.Messenger.DirectTo(rep.Key).Single();
        var change = proposal.Blocks.OfType<ActionsBlock>().Single().Buttons.Single(b => b.Label == "Change it");
        var dm = new ChatAddress(world.Platform, world.WorkspaceExternalId, "D-UREP");
        var sam = new Sender(world.Key("UREP"), "Sam Rep");
        var reply = await world.Get<RepInbox>().OnActionAsync(new InboundAction(sam, dm, new SentMessage(dm, "1.2"), change.ActionId, change.Value), default);
        var replay = await world.Get<RepInbox>().OnActionAsync(new InboundAction(sam, dm, null, GoalActions.Accept, change.Value), default);

        Assert.Contains("Proposed 5 demos weekly to Sam Rep", MessageText.Of(answer.Messages.Single()));
        Assert.Equal("Pat Boss proposes a goal for you: 5 demos weekly.", proposal.Text);
        Assert.Contains("your number, your call", MessageText.Of(reply.Messages.Single()));
        Assert.Equal("You chose your own number instead of 5 demos weekly.", reply.UpdatedSource!.Text);
        Assert.Contains("already been answered", MessageText.Of(replay.Messages.Single()));
        Assert.Empty(await world.Get<GoalStore>().GoalsAsync(rep.Id, includeRemoved: true, default));
        Assert.Equal("Sam Rep would rather set their own demos goal than 5 demos weekly.", world.Messenger.DirectTo(boss.Key).Single().Text);
    }

    [Fact]
    public async Task AProposalThatDoesNotFitTheRepsRaceIsRefusedWithWhatDoes()
    {
        await using var world = await EscalationWorld.CreateAsync(database, withRepConversation: true);
        var (_, rep) = await TeamAsync(world, "distance");

        var answer = await Say(world, "UBOSS", "goal @Sam Rep 30 calls daily");

        Assert.Equal("Sam Rep runs the distance race. As a distance runner, they count stakeholders, proposals, pipeline, deals; calls isn't one of them. " +
            "Try e.g. `goal 6 stakeholders monthly`, or change their race with `race @person sprint|middle|distance`.", answer.Messages.Single().Text);
        Assert.Empty(world.Messenger.DirectTo(rep.Key));
    }

    [Fact]
    public async Task ARepCannotProposeGoalsToAnotherRep()
    {
        await using var world = await EscalationWorld.CreateAsync(database, withRepConversation: true);
        var (_, rep) = await TeamAsync(world, "sprint");
        await world.AddPersonAsync("UAVA", "Ava Rep");

        var answer = await Say(world, "UAVA", "goal @Sam Rep 5 demos weekly");

        Assert.DoesNotContain("Proposed", MessageText.Of(answer.Messages.Single()));
        Assert.Empty(world.Messenger.DirectTo(rep.Key));
    }
}
