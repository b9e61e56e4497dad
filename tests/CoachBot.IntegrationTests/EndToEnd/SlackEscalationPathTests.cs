using CoachBot.Coaching.Escalations;
using CoachBot.Jobs.Escalations;
using CoachBot.Testing;
using CoachBot.Testing.Slack;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.IntegrationTests.EndToEnd;

// Issue 7 end to end on Slack: signed requests into the real endpoints, the real core, replies through the fake Slack.
public sealed class SlackEscalationPathTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task ARepsNeedHelpReachesOnlyTheManagersChannelAndTheRepHearsEveryStep()
    {
        await using var team = await SlackTeam.StartAsync(database);
        await team.ImportRosterAsync();
        Assert.Equal(1, await team.ScalarAsync(
            "select count(*) from person r join person m on m.id = r.manager_id where r.platform_user_id = @Rep and m.platform_user_id = @Manager",
            new { SlackTeam.Rep, SlackTeam.Manager }));

        // The rep gets a nudge, presses Need help and agrees to share.
        var first = await team.NeedHelpAndShareAsync(await team.NudgeRepAsync());

        var card = team.LastWithButton(SlackTeam.Channel, EscalationActions.Acknowledge);
        Assert.Contains(first, (string?)card["text"]);
        Assert.Equal([SlackTeam.Channel], team.ChannelsPostedTo());

        // The manager acknowledges with the card's button: the card changes in place and the rep is told.
        await team.PressAsync(SlackTeam.Manager, SlackTeam.Channel, card, EscalationActions.Acknowledge);

        var update = Assert.Single(team.Slack.CallsTo("chat.update"), c => c.Arg("ts") == (string?)card["ts"]);
        Assert.Equal(SlackTeam.Channel, update.Arg("channel"));
        Assert.Contains(team.TextsIn(SlackTeam.Rep), t => t.Contains("acknowledged", StringComparison.OrdinalIgnoreCase));

        // A second request is acknowledged by command, then resolved with a note.
        team.App.Clock.Advance(TimeSpan.FromDays(1));
        var second = await team.NeedHelpAndShareAsync(await team.NudgeRepAsync());
        Assert.NotEqual(first, second);
        var repMessages = team.TextsIn(SlackTeam.Rep).Count;

        await team.CommandAsync(SlackTeam.Manager, $"ack {second}");
        await team.CommandAsync(SlackTeam.Manager, $"resolve {second} Called Sam; we agreed a price floor.");

        var told = team.TextsIn(SlackTeam.Rep).Skip(repMessages).ToList();
        Assert.Contains(told, t => t.Contains("acknowledged", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(told, t => t.Contains("resolved", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(2, await team.ScalarAsync("select count(*) from escalation where state in ('acknowledged', 'resolved')"));
        Assert.Equal([SlackTeam.Channel], team.ChannelsPostedTo());
        Assert.Equal(1, await team.ScalarAsync("select count(*) from audit_entry where action = @a", new { a = CoachBot.Coaching.People.AuditActions.EscalationResolved }));
    }

    [Fact]
    public async Task AnUnacknowledgedEscalationRemindsTheChannelAndOwnerThenGoesToTheOwnersManager()
    {
        await using var team = await SlackTeam.StartAsync(database);
        await team.ImportRosterAsync();
        var reference = await team.NeedHelpAndShareAsync(await team.NudgeRepAsync());
        var id = long.Parse(reference[2..], System.Globalization.CultureInfo.InvariantCulture);
        var job = team.App.Services.GetRequiredService<EscalationDeadlineJob>();
        var channelPosts = team.TextsIn(SlackTeam.Channel).Count;

        // Four working hours later (Monday 13:00 in London): a reminder in the channel and to the owner.
        team.App.Clock.Advance(TimeSpan.FromHours(4));
        await job.RunAsync(id, EscalationStage.Reminder, CancellationToken.None);

        Assert.True(team.TextsIn(SlackTeam.Channel).Count > channelPosts, "no reminder in the managers' channel");
        Assert.Contains(team.TextsIn(SlackTeam.Manager), t => t.Contains(reference, StringComparison.Ordinal));
        Assert.DoesNotContain(team.TextsIn(SlackTeam.Director), t => t.Contains(reference, StringComparison.Ordinal));

        // Still unacknowledged at the second limit: the owner's own manager hears of it.
        team.App.Clock.Advance(TimeSpan.FromHours(4));
        await job.RunAsync(id, EscalationStage.SkipLevel, CancellationToken.None);

        Assert.Contains(team.TextsIn(SlackTeam.Director), t => t.Contains(reference, StringComparison.Ordinal));
        Assert.Equal([SlackTeam.Channel], team.ChannelsPostedTo());
    }

    [Fact]
    public async Task ARepTryingEveryManagerCommandIsRefusedAndEachRefusalIsAudited()
    {
        await using var team = await SlackTeam.StartAsync(database);
        await team.ImportRosterAsync();
        string[] commands =
        [
            "reps", "rep <@U0MAYA>", "style <@U0MAYA> driver", "race <@U0MAYA> sprint", "focus <@U0MAYA> prospecting",
            "schedule <@U0MAYA> 09:00", "pause <@U0MAYA>", "resume <@U0MAYA>", "nudge <@U0MAYA> now", "escalations all",
            "ack E-1", "resolve E-1 done", "reassign E-1 <@U0MAYA>", "snooze E-1 2h", "note E-1 hello", "brief <@U0MAYA>",
            "stats", "import a@b.example,A,rep,,UTC", "managers add <@U0SAM>",
        ];
        var refusals = await team.ScalarAsync("select count(*) from audit_entry where outcome = 'refused'");

        foreach (var command in commands)
        {
            var reply = await team.CommandAsync(SlackTeam.Rep, command);
            Assert.True(reply.Contains("only for managers", StringComparison.OrdinalIgnoreCase), $"/coach {command} was not refused: {reply}");
        }

        Assert.Equal(refusals + commands.Length, await team.ScalarAsync("select count(*) from audit_entry where outcome = 'refused'"));
        Assert.Equal(0, await team.ScalarAsync("select count(*) from person where role <> 'rep' and platform_user_id = @Rep", new { SlackTeam.Rep }));
        Assert.Empty(team.ChannelsPostedTo());
    }

    [Fact]
    public async Task ANonManagerJoiningTheManagersChannelIsFlaggedThereAndRemoved()
    {
        await using var team = await SlackTeam.StartAsync(database);
        await team.ImportRosterAsync();

        await team.EventAsync(SlackPayloads.MemberJoined(SlackTeam.Rep, SlackTeam.Channel));

        Assert.Contains(team.TextsIn(SlackTeam.Channel), t => t.Contains("Sam Rep", StringComparison.Ordinal));
        var kick = Assert.Single(team.Slack.CallsTo("conversations.kick"));
        Assert.Equal((SlackTeam.Channel, SlackTeam.Rep), (kick.Arg("channel"), kick.Arg("user")));
        Assert.Contains(team.TextsIn(SlackTeam.Admin), t => t.Contains("Sam Rep", StringComparison.Ordinal));

        await team.EventAsync(SlackPayloads.MemberJoined(SlackTeam.Manager, SlackTeam.Channel));
        Assert.Single(team.Slack.CallsTo("conversations.kick"));
    }
}
