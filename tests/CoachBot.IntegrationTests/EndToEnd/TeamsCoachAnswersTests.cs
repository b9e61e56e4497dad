using System.Net;
using System.Text.Json.Nodes;
using CoachBot.Coaching.Nudges.Library;
using CoachBot.Coaching.Profiles;
using CoachBot.Testing;
using CoachBot.Testing.Teams;
using Dapper;

namespace CoachBot.IntegrationTests.EndToEnd;

// Issue 15 part 3 on Teams: a question typed in the personal chat is answered from the library, or sent toward the manager.
public sealed class TeamsCoachAnswersTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private BotFrameworkIssuer _issuer = null!;
    private FakeBotConnector _connector = null!;

    private TeamsActivities Activities => new(_connector.ServiceUrl);

    public async Task InitializeAsync()
    {
        _issuer = await BotFrameworkIssuer.StartAsync();
        _connector = await FakeBotConnector.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _issuer.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task AnAnalyticalRepsQuestionIsAnsweredWithTheActionWhyAndHelpInTheirStyle()
    {
        await using var app = new CoachBotApplication(database).WithTeams(_issuer, _connector);
        using var client = app.CreateTeamsClient(_issuer.Mint(TeamsApplication.AppId, _connector.ServiceUrl));
        await PostAsync(client, Activities.PersonalMessage("hi"));
        await SetProfileAsync("analytical", "sprint", "experienced");

        await PostAsync(client, Activities.PersonalMessage("How do I write a three-line cold email?"));

        var email = NudgeLibrary.LoadEmbedded().Find("prospecting-sprint-experienced-three-line-email")!;
        var help = email.Help[CommunicationStyle.Analytical];
        Assert.Equal(
            $"Closest match in the coaching library (prospecting): {email.Action}\nWhy: {email.Why}\nTalk track: {help.TalkTrack}\nWorked example: {help.Example}\nFirst step: {help.FirstStep}",
            RepTexts()[^1]);
    }

    [Fact]
    public async Task AQuestionNothingFitsIsSentTowardTheManagerNotGuessed()
    {
        await using var app = new CoachBotApplication(database).WithTeams(_issuer, _connector);
        using var client = app.CreateTeamsClient(_issuer.Mint(TeamsApplication.AppId, _connector.ServiceUrl));
        await PostAsync(client, Activities.PersonalMessage("hi"));
        await SetProfileAsync("amiable", "middle", "newer");

        await PostAsync(client, Activities.PersonalMessage("can you book my train to Lisbon?"));

        Assert.Equal(
            "Thank you for asking. I don't have a good answer for that one, and I'd rather not guess. Ask your manager: bring it to your next 1:1, or press Need help on your next nudge and I'll offer to pass it on.",
            RepTexts()[^1]);
    }

    private async Task SetProfileAsync(string style, string race, string level)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await connection.ExecuteAsync(new CommandDefinition("""
            update rep_profile p set style = @style, style_source = 'self', race = @race, experience = @level, onboarding_step = 'done'
            from person r where r.id = p.person_id and r.platform_user_id = @Rep
            """, new { style, race, level, Rep = TeamsActivities.RepAadId }));
    }

    private static async Task<string> PostAsync(HttpClient client, JsonObject activity)
    {
        using var response = await client.PostActivityAsync(activity);
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Accepted, $"activity answered {(int)response.StatusCode}");
        return await response.Content.ReadAsStringAsync();
    }

    // What the rep reads in each message CoachBot posted to their personal chat: the card's text blocks.
    private List<string> RepTexts() =>
        [.. _connector.Calls.Where(c => c.Path.EndsWith($"{TeamsActivities.PersonalConversation}/activities", StringComparison.Ordinal) && c.Body is not null)
            .Select(c => string.Join("\n", (c.Body!["attachments"]?.AsArray() ?? []).OfType<JsonObject>()
                .SelectMany(a => a["content"]?["body"]?.AsArray().OfType<JsonObject>() ?? [])
                .Where(b => (string?)b["type"] == "TextBlock")
                .Select(b => (string?)b["text"] ?? "")))];
}
