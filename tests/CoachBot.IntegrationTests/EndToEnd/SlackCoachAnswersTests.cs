using System.Text.Json.Nodes;
using CoachBot.Coaching.Conversation;
using CoachBot.Coaching.Nudges;
using CoachBot.Coaching.Nudges.Library;
using CoachBot.Coaching.Profiles;
using CoachBot.Testing;
using CoachBot.Testing.Slack;
using Dapper;

namespace CoachBot.IntegrationTests.EndToEnd;

// Issue 15 part 3 on Slack: Need help, a reply and a question each get an answer from the library, in the rep's (Driver) style.
public sealed class SlackCoachAnswersTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private static readonly NudgeLibrary Library = NudgeLibrary.LoadEmbedded();

    [Fact]
    public async Task NeedHelpShowsTheNudgesTalkTrackExampleAndFirstStepBeforeOfferingTheManager()
    {
        await using var team = await StartAsync();
        var nudge = await team.NudgeRepAsync();
        var intent = await SentIntentAsync(team);
        var before = team.Slack.MessagesIn(SlackTeam.Rep).Count;

        await team.PressAsync(SlackTeam.Rep, SlackTeam.Rep, nudge, NudgeActions.NeedHelp);

        var help = intent.Help[CommunicationStyle.Driver];
        var seen = team.Slack.MessagesIn(SlackTeam.Rep).Skip(before).ToList();
        var helpAt = seen.FindIndex(m => Text(m) == $"Say: {help.TalkTrack}\nExample: {help.Example}\nFirst step: {help.FirstStep}\nStill stuck? Your manager can help.");
        var offerAt = seen.FindIndex(m => Rendered(m).Contains("Want me to let your manager know?", StringComparison.Ordinal));
        Assert.True(helpAt >= 0, "help not shown; saw: " + string.Join(" | ", seen.Select(Text)));
        Assert.True(offerAt > helpAt, "the manager is offered after the help");
        Assert.Contains(EscalationOffers.Yes, seen[offerAt].ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AReplyToANudgeIsAnsweredWithTheNudgesActionInsteadOfGotIt()
    {
        await using var team = await StartAsync();
        await team.NudgeRepAsync();
        var intent = await SentIntentAsync(team);

        await team.EventAsync(SlackPayloads.DirectMessage(SlackTeam.Rep, "Did four of them, one wants a call back on Thursday"));

        Assert.Equal($"Noted against today's nudge: {intent.Action} Tap Done when it's done.", Text(team.Slack.MessagesIn(SlackTeam.Rep)[^1]));
    }

    [Fact]
    public async Task AReplySayingTheNudgeDidNotWorkGetsItsHelpAndThenTheManager()
    {
        await using var team = await StartAsync();
        await team.NudgeRepAsync();
        var intent = await SentIntentAsync(team);

        await team.EventAsync(SlackPayloads.DirectMessage(SlackTeam.Rep, "Tried it but the buyer went quiet after the first question"));

        var help = intent.Help[CommunicationStyle.Driver];
        Assert.Equal($"Noted. Next attempt:\nSay: {help.TalkTrack}\nExample: {help.Example}\nFirst step: {help.FirstStep}\nStill stuck? Your manager can help.",
            Text(team.Slack.MessagesIn(SlackTeam.Rep)[^1]));
    }

    [Fact]
    public async Task AQuestionIsAnsweredWithTheBestHelpInTheRepsRace()
    {
        await using var team = await StartAsync();
        await team.NudgeRepAsync();

        await team.EventAsync(SlackPayloads.DirectMessage(SlackTeam.Rep, "how do I leave a good voicemail?"));

        var voicemail = Library.Find("prospecting-sprint-newer-voicemail-email-pair")!;
        var help = voicemail.Help[CommunicationStyle.Driver];
        Assert.Equal(
            $"Try this (prospecting): {voicemail.Action}\nSay: {help.TalkTrack}\nExample: {help.Example}\nFirst step: {help.FirstStep}",
            Text(team.Slack.MessagesIn(SlackTeam.Rep)[^1]));
    }

    [Fact]
    public async Task AQuestionNothingInTheLibraryFitsOffersTheManagerInstead()
    {
        await using var team = await StartAsync();
        await team.NudgeRepAsync();
        var before = team.Slack.MessagesIn(SlackTeam.Rep).Count;

        await team.EventAsync(SlackPayloads.DirectMessage(SlackTeam.Rep, "what's the weather in Lisbon tomorrow?"));

        var seen = team.Slack.MessagesIn(SlackTeam.Rep).Skip(before).ToList();
        Assert.Equal("No good answer in my library for that. Ask my manager: I can pass it on if you like.", Text(seen[0]));
        Assert.Contains(EscalationOffers.Yes, seen[1].ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(0, await team.ScalarAsync("select count(*) from escalation"));
    }

    private async Task<SlackTeam> StartAsync()
    {
        var team = await SlackTeam.StartAsync(database);
        await team.ImportRosterAsync();
        return team;
    }

    private static async Task<NudgeIntent> SentIntentAsync(SlackTeam team)
    {
        await using var connection = await team.App.Database.DataSource.OpenConnectionAsync();
        var id = await connection.ExecuteScalarAsync<string>(new CommandDefinition("select intent_id from nudge_history order by id desc limit 1"));
        return Library.Find(id!)!;
    }

    private static string Text(JsonObject message) => (string?)message["text"] ?? "";

    private static string Rendered(JsonNode? node) => node switch
    {
        JsonObject o => string.Join("\n", o.Select(p => p.Key == "text" && p.Value is JsonValue v ? v.GetValue<string>() : Rendered(p.Value)).Where(t => t.Length > 0)),
        JsonArray a => string.Join("\n", a.Select(Rendered).Where(t => t.Length > 0)),
        _ => "",
    };
}
