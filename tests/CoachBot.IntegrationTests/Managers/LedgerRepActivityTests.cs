using CoachBot.Coaching.Chat;
using CoachBot.Coaching.Managers;
using CoachBot.Coaching.People;
using CoachBot.Coaching.Profiles;
using CoachBot.Testing;
using CoachBot.Testing.Conversation;
using CoachBot.Testing.Escalations;
using CoachBot.Testing.Scheduling;

namespace CoachBot.IntegrationTests.Managers;

public sealed class LedgerRepActivityTests(PostgresDatabase database, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<PostgresDatabase>
{
    // The text without UserText's marks, which tell each platform's renderer which words to escape.
    private static string Plain(string text) => text.Replace("\uFFF9", "").Replace("\uFFFB", "");

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

    // Four weeks before Monday 2 March: 5, 4, 2 then 1 nudge answered of 5, confidence sliding; a weekly goal of 4 demos.
    [Fact]
    public async Task BriefWatchesARepWhoseAnswersFellTwoWeeksRunningAndShowsTheirGoal()
    {
        await using var world = await EscalationWorld.CreateAsync(database, withRepConversation: true);
        var boss = await world.AddPersonAsync("UBOSS", "Pat Boss", PersonRole.Manager);
        var rep = await world.AddPersonAsync("UREP", "Sam Rep", manager: boss);
        await world.ExecuteAsync("insert into rep_schedule (person_id, workspace_id) values (@id, @workspace)", new { id = rep.Id, workspace = world.WorkspaceId });
        await world.ExecuteAsync("insert into rep_profile (person_id, style, race) values (@id, 'analytical', 'middle')", new { id = rep.Id });
        var now = world.Clock.GetUtcNow();
        foreach (var (weeksAgo, answered, confidence) in new[] { (3, 5, 5), (2, 4, 4), (1, 2, 3), (0, 1, 2) })
        {
            for (var i = 0; i < 5; i++)
            {
                var sentAt = now.AddDays(-7 * weeksAgo - 1 - i);
                var delivery = await world.DataSource.AddSentNudgeAsync(rep.Id, sentAt, answeredAt: i < answered ? sentAt.AddHours(1) : null);
                await world.DataSource.AddHistoryAsync(rep.Id, delivery, sentAt, i % 2 == 0 ? "discovery" : "prospecting");
                if (i < answered)
                {
                    await world.ExecuteAsync("update nudge_history set answered_at = @at, response = 'rated', confidence = @confidence where delivery_id = @delivery",
                        new { at = sentAt.AddHours(1).UtcDateTime, confidence = (short)confidence, delivery });
                }
            }
        }

        await world.Get<CoachBot.Coaching.Goals.GoalStore>().SetAsync(rep.Id, CoachBot.Coaching.Goals.GoalMetric.Demos, CoachBot.Coaching.Goals.GoalPeriod.Week, 4, "self", now.AddDays(-20), default);

        var brief = Assert.Single((await Say(world, "UBOSS", "brief @Sam Rep")).Messages);

        var text = MessageText.Of(brief);
        var fields = brief.Blocks.OfType<FieldsBlock>().Single().Fields.ToDictionary(f => f.Label, f => f.Value);
        Assert.Equal("5.0 → 4.0 → 3.0 → 2.0 (falling)", fields["Confidence trend"]);
        Assert.Contains("Watch: nudges answered fell 3 weeks running (5 → 4 → 2 → 1).", text);
        Assert.Contains("0 demos of 4 this week (0 %)", text);
        Assert.Contains("Left unanswered: prospecting", text);
        Assert.Contains("Suggested 1:1 opener: \"Sam, the last weeks show nudges answered fell 3 weeks running", text);
        Assert.DoesNotContain("Acme", text, StringComparison.Ordinal);
        output.WriteLine(text);
    }

    // Sam took the quiz as a Driver, yet over five weeks acted on 1 of 10 Driver nudges and on 5 of 6 worded for
    // Expressive (the learner's trials). The brief tells the manager, with the numbers, and changes nothing itself.
    [Theory]
    [InlineData(5, true)]
    [InlineData(1, false)]
    public async Task BriefSuggestsTheStyleTheRepAnswersOnlyWhenTheEvidenceIsStrong(int expressiveDone, bool suggested)
    {
        await using var world = await EscalationWorld.CreateAsync(database, withRepConversation: true);
        var boss = await world.AddPersonAsync("UBOSS", "Pat Boss", PersonRole.Manager);
        var rep = await world.AddPersonAsync("UREP", "Sam Rep", manager: boss);
        await world.ExecuteAsync("insert into rep_schedule (person_id, workspace_id) values (@id, @workspace)", new { id = rep.Id, workspace = world.WorkspaceId });
        await world.ExecuteAsync("insert into rep_profile (person_id, style, race) values (@id, 'driver', 'sprint')", new { id = rep.Id });
        var now = world.Clock.GetUtcNow();
        var nudges = Enumerable.Range(0, 10).Select(n => ("driver", n < 1))
            .Concat(Enumerable.Range(0, 6).Select(n => ("expressive", n < expressiveDone)));
        var day = 40;
        foreach (var (style, done) in nudges)
        {
            var sentAt = now.AddDays(-(day -= 2));
            var delivery = await world.DataSource.AddSentNudgeAsync(rep.Id, sentAt, answeredAt: done ? sentAt.AddHours(1) : null);
            await world.DataSource.AddHistoryAsync(rep.Id, delivery, sentAt, "prospecting", style);
            if (done)
            {
                await world.ExecuteAsync("update nudge_history set answered_at = @at, response = 'done' where delivery_id = @delivery",
                    new { at = sentAt.AddHours(1).UtcDateTime, delivery });
            }
        }

        var brief = Assert.Single((await Say(world, "UBOSS", "brief @Sam Rep")).Messages);

        var check = brief.Blocks.OfType<SectionBlock>().SingleOrDefault(s => s.Text.StartsWith("Style check:", StringComparison.Ordinal));
        Assert.Equal(suggested, check is not null);
        if (check is not null)
        {
            Assert.Matches(@"^Style check: Sam Rep answered 5 of 6 Expressive nudges and 1 of 10 Driver ones \(\d+ ?% likely a better fit\)\. "
                + @"Ask them whether Expressive suits them; nothing changes until one of you sets it \(`style @person expressive`\)\.$", Plain(check.Text));
            var style = await world.ScalarAsync<string>("select style from rep_profile where person_id = @id", new { id = rep.Id });
            Assert.Equal("driver", style);
        }
    }
}
