using CoachBot.Coaching.Chat;
using CoachBot.Coaching.Managers;
using CoachBot.Coaching.People;
using CoachBot.Coaching.Profiles;
using CoachBot.Testing;
using CoachBot.Testing.Conversation;
using CoachBot.Testing.Escalations;
using CoachBot.Testing.Scheduling;

namespace CoachBot.IntegrationTests.Managers;

public sealed class LedgerRepActivityTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private static Task<InboxReply> Say(EscalationWorld world, string userId, string text) =>
        world.Get<ManagerInbox>().OnCommandAsync(new InboundCommand(world.Sender(userId), world.ManagersChannel, text), default);

    // A week of nudges before Monday 2 March 2026 09:00: one missed, then three answered in a row.
    private static async Task<Person> RepWithAWeekOfNudgesAsync(EscalationWorld world)
    {
        var boss = await world.AddPersonAsync("UBOSS", "Pat Boss", PersonRole.Manager);
        var rep = await world.AddPersonAsync("UREP", "Sam Rep", manager: boss);
        await world.ExecuteAsync("insert into rep_schedule (person_id, workspace_id) values (@id, @workspace)", new { id = rep.Id, workspace = world.WorkspaceId });
        await world.ExecuteAsync("insert into rep_reply (person_id, body, original_length, received_at) values (@id, 'Acme is my secret deal', 22, now())", new { id = rep.Id });
        var now = world.Clock.GetUtcNow();
        foreach (var (daysAgo, answered, skill) in new[] { (10, true, "closing"), (6, false, "prospecting"), (5, true, "discovery"), (4, true, "discovery"), (3, true, "closing") })
        {
            var sentAt = now.AddDays(-daysAgo);
            var delivery = await world.DataSource.AddSentNudgeAsync(rep.Id, sentAt, answeredAt: answered ? sentAt.AddHours(1) : null);
            await world.DataSource.AddHistoryAsync(rep.Id, delivery, sentAt, skill);
            if (answered)
            {
                await world.ExecuteAsync("update nudge_history set answered_at = @at, response = 'done' where delivery_id = @delivery",
                    new { at = sentAt.AddHours(1).UtcDateTime, delivery });
            }
        }

        return rep;
    }

    [Fact]
    public async Task CountsTheWeeksNudgesTheStreakAndTheSkillsAnswered()
    {
        await using var world = await EscalationWorld.CreateAsync(database, withRepConversation: true);
        var rep = await RepWithAWeekOfNudgesAsync(world);

        var activity = await world.Get<IRepActivitySource>().GetAsync(rep.Id, world.Clock.GetUtcNow().AddDays(-7), default);

        Assert.IsType<LedgerRepActivity>(world.Get<IRepActivitySource>());
        Assert.NotNull(activity);
        Assert.Equal((4, 3, 3), (activity.NudgesSent, activity.NudgesAnswered, activity.Streak));
        Assert.Equal([FocusSkill.Discovery.Label(), FocusSkill.Closing.Label()], activity.AnsweredTopics);
    }

    [Fact]
    public async Task BriefForARepShowsRealNumbersAndNeverTheRepsWords()
    {
        await using var world = await EscalationWorld.CreateAsync(database, withRepConversation: true);
        await RepWithAWeekOfNudgesAsync(world);

        var reply = await Say(world, "UBOSS", "brief @Sam Rep");

        var brief = Assert.Single(reply.Messages);
        var fields = brief.Blocks.OfType<FieldsBlock>().Single().Fields.ToDictionary(f => f.Label, f => f.Value);
        Assert.Equal("3/4 (75%)", fields["Reply rate"]);
        Assert.Equal("3 in a row", fields["Streak"]);
        Assert.Contains(brief.Blocks.OfType<SectionBlock>(), s => s.Text == $"Answered this week: {FocusSkill.Discovery.Label()}, {FocusSkill.Closing.Label()}");
        Assert.DoesNotContain("Acme", MessageText.Of(brief), StringComparison.Ordinal);
    }
}
