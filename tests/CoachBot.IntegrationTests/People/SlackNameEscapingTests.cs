using System.Text.Json.Nodes;
using CoachBot.Coaching.Escalations;
using CoachBot.IntegrationTests.EndToEnd;
using CoachBot.Testing;
using CoachBot.Testing.Slack;

namespace CoachBot.IntegrationTests.People;

// Issue 13, "Injection into the managers' channel": a name from users.info is a person's words, escaped in every message.
public sealed class SlackNameEscapingTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private const string EvilName = "<!channel> *bold* <@U123> &amp;";
    private const string Escaped = "&lt;!channel&gt; *bold* &lt;@U123&gt; &amp;amp;";

    [Fact]
    public async Task ARepNamedLikeMarkupAppearsLiterallyInTheGuardAlertRepliesCardBriefAndHome()
    {
        await using var team = await SlackTeam.StartAsync(database);
        team.Slack.AddUser(SlackTeam.Rep, EvilName, "Europe/London", "sam@acme.example");
        await team.ImportRosterAsync();

        // The channel guard: the rep joins the managers' channel.
        await team.EventAsync(SlackPayloads.MemberJoined(SlackTeam.Rep, SlackTeam.Channel));
        AssertLiteral("guard alert in the channel", team.Slack.MessagesIn(SlackTeam.Channel).Single());
        AssertLiteral("guard alert to the admin", team.Slack.MessagesIn(SlackTeam.Admin).Last());

        // Manager replies.
        AssertLiteral("reps", Answers(await team.CommandAsync(SlackTeam.Manager, "reps")));
        AssertLiteral("rep", Answers(await team.CommandAsync(SlackTeam.Manager, $"rep <@{SlackTeam.Rep}>")));
        AssertLiteral("style", Answers(await team.CommandAsync(SlackTeam.Manager, $"style <@{SlackTeam.Rep}> driver")));
        AssertLiteral("brief", Answers(await team.CommandAsync(SlackTeam.Manager, $"brief <@{SlackTeam.Rep}>")));

        // The escalation card in the managers' channel, then the manager's App Home listing it.
        await team.NeedHelpAndShareAsync(await team.NudgeRepAsync());
        AssertLiteral("escalation card", team.LastWithButton(SlackTeam.Channel, EscalationActions.Acknowledge));
        await team.EventAsync(SlackPayloads.HomeOpened(SlackTeam.Manager));
        AssertLiteral("manager's App Home", team.Slack.CallsTo("views.publish").Last().Args["view"]!);
    }

    private static JsonArray Answers(string joined) => SlackAnswers.Parse(joined);

    // Every text Slack parses (top-level text, mrkdwn) shows the name escaped; plain_text is never parsed, so it may hold it as is.
    private static void AssertLiteral(string where, JsonNode payload)
    {
        var texts = ParsedTexts(payload).ToList();
        Assert.True(texts.Any(t => t.Contains(Escaped, StringComparison.Ordinal)), $"{where}: no escaped name in {string.Join(" | ", texts)}");
        Assert.DoesNotContain(texts, t => t.Contains("<!channel>", StringComparison.Ordinal) || t.Contains("<@U123>", StringComparison.Ordinal));
    }

    private static IEnumerable<string> ParsedTexts(JsonNode? node) => node switch
    {
        JsonObject o when (string?)o["type"] == "plain_text" => [],
        JsonObject o => o.SelectMany(p => p.Key == "text" && p.Value is JsonValue v && v.TryGetValue<string>(out var s)
            ? [s]
            : p.Value is JsonValue text && text.TryGetValue<string>(out var json) && json.StartsWith('[') ? ParsedTexts(TryParse(json)) : ParsedTexts(p.Value)),
        JsonArray a => a.SelectMany(ParsedTexts),
        _ => [],
    };

    // Form posts carry blocks as a JSON string.
    private static JsonNode? TryParse(string json)
    {
        try
        {
            return JsonNode.Parse(json);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
