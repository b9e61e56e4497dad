using CoachBot.Coaching.Escalations;
using CoachBot.Coaching.Managers;
using CoachBot.Coaching.People;
using CoachBot.Jobs.Escalations;
using CoachBot.Testing;
using CoachBot.Testing.Escalations;

namespace CoachBot.IntegrationTests.Escalations;

public sealed class EscalationDeadlineTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private static readonly DateTimeOffset Monday0900 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task DeadlinesAreScheduledInTheOwnersWorkingHours()
    {
        await using var world = await EscalationWorld.CreateAsync(database);
        var (_, _, rep) = await TeamAsync(world);

        var id = await world.Get<IEscalations>().RaiseAsync(new EscalationRequest(rep.Id, EscalationReason.NeedHelp, null, "d1"), default);

        var scheduled = world.Deadlines.Scheduled;
        Assert.Equal([(EscalationStage.Reminder, Monday0900.AddHours(4)), (EscalationStage.SkipLevel, Monday0900.AddHours(8))],
            scheduled.Select(s => (s.Stage, s.DueAt)));
        Assert.All(scheduled, s => Assert.Equal(long.Parse(id[2..]), s.EscalationId));
    }

    [Fact]
    public async Task UnacknowledgedEscalationRemindsTheOwnerThenGoesToTheirManager()
    {
        await using var world = await EscalationWorld.CreateAsync(database);
        var (director, boss, rep) = await TeamAsync(world);
        var id = long.Parse((await world.Get<IEscalations>().RaiseAsync(new EscalationRequest(rep.Id, EscalationReason.NeedHelp, "private words", "d2"), default))[2..]);
        var job = new EscalationDeadlineJob(world.Get<EscalationDeadlineHandler>());

        world.Clock.SetUtcNow(Monday0900.AddHours(4));
        await job.RunAsync(id, EscalationStage.Reminder, default);
        await job.RunAsync(id, EscalationStage.Reminder, default); // a replayed job

        var reminder = Assert.Single(world.Messenger.DirectTo(boss.Key));
        Assert.Contains("Reminder", reminder.Text);
        var thread = Assert.Single(world.Messenger.Posts, p => p.To.ThreadId is not null);
        Assert.Equal(EscalationWorld.ManagersChannelId, thread.To.ConversationId);
        Assert.Empty(world.Messenger.DirectTo(director.Key));

        world.Clock.SetUtcNow(Monday0900.AddHours(8));
        await job.RunAsync(id, EscalationStage.SkipLevel, default);
        await job.RunAsync(id, EscalationStage.SkipLevel, default);

        var skip = Assert.Single(world.Messenger.DirectTo(director.Key));
        Assert.Contains("has waited", skip.Text);
        Assert.DoesNotContain("private words", skip.Text);
        Assert.Equal(director.Id, await world.ScalarAsync<long>("select skip_level_owner_id from escalation where id = @id", new { id }));

        // The skip-level manager can act on it.
        var ack = await world.Get<ManagerInbox>().OnCommandAsync(new Coaching.Chat.InboundCommand(world.Sender("UDIR"), world.ManagersChannel, $"ack E-{id}"), default);
        Assert.Contains("acknowledged", ack.Messages[0].Text);
    }

    [Fact]
    public async Task AcknowledgedOrResolvedEscalationsIgnoreTheirDeadlines()
    {
        await using var world = await EscalationWorld.CreateAsync(database);
        var (director, boss, rep) = await TeamAsync(world);
        var id = await world.Get<IEscalations>().RaiseAsync(new EscalationRequest(rep.Id, EscalationReason.NeedHelp, null, "d3"), default);
        await world.Get<ManagerInbox>().OnCommandAsync(new Coaching.Chat.InboundCommand(world.Sender("UBOSS"), world.ManagersChannel, $"resolve {id}"), default);
        var sentBefore = world.Messenger.Direct.Count + world.Messenger.Posts.Count;
        var job = new EscalationDeadlineJob(world.Get<EscalationDeadlineHandler>());

        world.Clock.SetUtcNow(Monday0900.AddDays(2));
        await job.RunAsync(long.Parse(id[2..]), EscalationStage.Reminder, default);
        await job.RunAsync(long.Parse(id[2..]), EscalationStage.SkipLevel, default);

        Assert.Equal(sentBefore, world.Messenger.Direct.Count + world.Messenger.Posts.Count);
        Assert.Equal(["job-1", "job-2"], world.Deadlines.Cancelled);
        Assert.Empty(world.Messenger.DirectTo(director.Key));
        Assert.Empty(world.Messenger.DirectTo(boss.Key));
    }

    [Fact]
    public async Task SnoozedEscalationMovesItsReminderToTheEndOfTheSnooze()
    {
        await using var world = await EscalationWorld.CreateAsync(database);
        var (_, boss, rep) = await TeamAsync(world);
        var id = await world.Get<IEscalations>().RaiseAsync(new EscalationRequest(rep.Id, EscalationReason.NeedHelp, null, "d4"), default);
        await world.Get<ManagerInbox>().OnCommandAsync(new Coaching.Chat.InboundCommand(world.Sender("UBOSS"), world.ManagersChannel, $"snooze {id} 1d"), default);

        world.Clock.SetUtcNow(Monday0900.AddHours(4));
        await new EscalationDeadlineJob(world.Get<EscalationDeadlineHandler>()).RunAsync(long.Parse(id[2..]), EscalationStage.Reminder, default);

        Assert.Empty(world.Messenger.DirectTo(boss.Key));
        var moved = world.Deadlines.Scheduled[^1];
        Assert.Equal((EscalationStage.Reminder, Monday0900.AddDays(1)), (moved.Stage, moved.DueAt));
    }

    [Fact]
    public async Task AnOwnerWithTheirOwnScheduleRowHasDeadlinesInThoseHours()
    {
        await using var world = await EscalationWorld.CreateAsync(database);
        var (_, boss, rep) = await TeamAsync(world);
        // A manager who was once onboarded as a rep keeps a schedule row: Monday to Friday, 10:00 to 18:00.
        await world.ExecuteAsync(
            "insert into rep_schedule (person_id, workspace_id, day_start, day_end) values (@id, @workspace, '10:00', '18:00')",
            new { id = boss.Id, workspace = world.WorkspaceId });

        await world.Get<IEscalations>().RaiseAsync(new EscalationRequest(rep.Id, EscalationReason.NeedHelp, null, "own-hours"), default);

        // Raised at 09:00, before the owner's day starts: four working hours count from 10:00.
        Assert.Equal(Monday0900.AddHours(5), world.Deadlines.Scheduled[0].DueAt);
    }

    [Fact]
    public async Task AnEscalationWhoseRaiseWasCutShortGetsItsCardAndDeadlinesFromTheRepairSweep()
    {
        await using var world = await EscalationWorld.CreateAsync(database);
        var (_, _, rep) = await TeamAsync(world);
        var cutShort = long.Parse((await world.Get<IEscalations>().RaiseAsync(new EscalationRequest(rep.Id, EscalationReason.NeedHelp, null, "r1"), default))[2..]);
        // A crash right after the row was saved: no card, no deadlines. Replaying the raise only finds the row.
        await world.ExecuteAsync(
            "update escalation set channel_conversation_id = null, channel_message_id = null, ack_due_at = null, "
            + "skip_level_due_at = null, reminder_job_id = null, skip_level_job_id = null where id = @cutShort",
            new { cutShort });
        await world.Get<IEscalations>().RaiseAsync(new EscalationRequest(rep.Id, EscalationReason.NeedHelp, null, "r1"), default);
        var postsBefore = world.Messenger.Posts.Count;
        var scheduledBefore = world.Deadlines.Scheduled.Count;
        var repair = new EscalationRepairJob(world.Get<EscalationRepair>());

        await repair.RunAsync(default); // too soon: a raise may still be in progress
        Assert.Equal((postsBefore, scheduledBefore), (world.Messenger.Posts.Count, world.Deadlines.Scheduled.Count));

        world.Clock.SetUtcNow(Monday0900.AddMinutes(10));
        await repair.RunAsync(default);
        await repair.RunAsync(default); // a second sweep finds nothing left to do

        var card = Assert.Single(world.Messenger.Posts.Skip(postsBefore));
        Assert.Equal(EscalationWorld.ManagersChannelId, card.To.ConversationId);
        Assert.Equal([(cutShort, EscalationStage.Reminder, Monday0900.AddHours(4)), (cutShort, EscalationStage.SkipLevel, Monday0900.AddHours(8))],
            world.Deadlines.Scheduled.Skip(scheduledBefore).Select(s => (s.EscalationId, s.Stage, s.DueAt)));
    }

    [Fact]
    public async Task TheRepairSweepLeavesCompleteAndClosedEscalationsAlone()
    {
        await using var world = await EscalationWorld.CreateAsync(database);
        var (_, _, rep) = await TeamAsync(world);
        await world.Get<IEscalations>().RaiseAsync(new EscalationRequest(rep.Id, EscalationReason.NeedHelp, null, "r2"), default);
        var resolved = await world.Get<IEscalations>().RaiseAsync(new EscalationRequest(rep.Id, EscalationReason.LowConfidence, null, "r3"), default);
        await world.Get<ManagerInbox>().OnCommandAsync(new Coaching.Chat.InboundCommand(world.Sender("UBOSS"), world.ManagersChannel, $"resolve {resolved}"), default);
        await world.ExecuteAsync("update escalation set reminder_job_id = null, channel_message_id = null where id = @id", new { id = long.Parse(resolved[2..]) });
        var postsBefore = world.Messenger.Posts.Count;
        var scheduledBefore = world.Deadlines.Scheduled.Count;

        world.Clock.SetUtcNow(Monday0900.AddMinutes(10));
        var found = await world.Get<EscalationRepair>().RunAsync(default);

        Assert.Equal(0, found);
        Assert.Equal((postsBefore, scheduledBefore), (world.Messenger.Posts.Count, world.Deadlines.Scheduled.Count));
    }

    private static async Task<(Person Director, Person Boss, Person Rep)> TeamAsync(EscalationWorld world)
    {
        var director = await world.AddPersonAsync("UDIR", "Dana Director", PersonRole.Manager);
        var boss = await world.AddPersonAsync("UBOSS", "Pat Boss", PersonRole.Manager, director);
        var rep = await world.AddPersonAsync("UREP", "Sam Rep", manager: boss);
        return (director, boss, rep);
    }
}
