using System.Text.Json.Nodes;
using CoachBot.Coaching.Conversation;
using CoachBot.Coaching.Escalations;
using CoachBot.Testing;
using CoachBot.Testing.Slack;

namespace CoachBot.IntegrationTests.EndToEnd;

// What a rep sees on Slack when managers act on them (issue 12, defects 5, 6 and 7): signed requests, the real core, the fake Slack.
public sealed class SlackRepIsToldTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task TheSharePromptSaysTheNoteGoesToTheManagersChannelAndMyDataNamesEveryoneWhoCouldSeeIt()
    {
        await using var team = await SlackTeam.StartAsync(database);
        await team.ImportRosterAsync();
        var reference = await ShareWithANoteAsync(team, "Stuck on pricing for Acme");
        var card = team.LastWithButton(SlackTeam.Channel, EscalationActions.Acknowledge);
        await team.PressAsync(SlackTeam.Manager, SlackTeam.Channel, card, EscalationActions.Acknowledge);
        await team.CommandAsync(SlackTeam.Manager, $"resolve {reference} Talked it through");

        await team.EventAsync(SlackPayloads.DirectMessage(SlackTeam.Rep, "my data"));

        var myData = Rendered(team.Slack.MessagesIn(SlackTeam.Rep)[^1]);
        Assert.DoesNotContain("No manager has seen", myData);
        Assert.Contains($"your words in {reference} were posted to the managers' channel, which every manager in CoachBot can read: Ada Admin, Dee Director, Maya Okafor.", myData);
        Assert.Contains($"Maya Okafor acknowledged {reference}, whose card shows your words.", myData);
        Assert.Contains($"Maya Okafor resolved {reference}, whose card shows your words.", myData);
        Assert.Contains("*Shared in the managers' channel*", myData);
    }

    [Fact]
    public async Task TheManagersResolutionNoteReachesTheRepByNameAndEscaped()
    {
        await using var team = await SlackTeam.StartAsync(database);
        await team.ImportRosterAsync();
        var reference = await ShareWithANoteAsync(team, "Stuck on pricing");
        var before = team.Slack.MessagesIn(SlackTeam.Rep).Count;

        await team.CommandAsync(SlackTeam.Manager, $"resolve {reference} Call me at 3 <!channel> & we'll agree a price floor");

        var resolved = Assert.Single(team.Slack.MessagesIn(SlackTeam.Rep).Skip(before));
        Assert.Equal($"Maya Okafor marked your request ({reference}) as resolved. They left you a note.", (string?)resolved["text"]);
        var texts = BlockTexts(resolved);
        Assert.Equal($"Maya Okafor marked your request ({reference}) as resolved. Their note to you:", texts[0]);
        Assert.Equal("> Call me at 3 &lt;!channel&gt; &amp; we'll agree a price floor", texts[1]);
        Assert.Contains("just tell me and I'll raise it again", texts[2]);
    }

    [Fact]
    public async Task TheRepIsToldInTheirDmWhatTheirManagerChangedAndWho()
    {
        await using var team = await SlackTeam.StartAsync(database);
        await team.ImportRosterAsync();
        await team.NudgeRepAsync();
        await team.EventAsync(SlackPayloads.DirectMessage(SlackTeam.Rep, "timezone America/Chicago"));
        var before = team.Slack.MessagesIn(SlackTeam.Rep).Count;

        var answer = await team.CommandAsync(SlackTeam.Manager, $"style <@{SlackTeam.Rep}> amiable");
        await team.CommandAsync(SlackTeam.Manager, $"race <@{SlackTeam.Rep}> distance");
        await team.CommandAsync(SlackTeam.Manager, $"focus <@{SlackTeam.Rep}> discovery closing");
        await team.CommandAsync(SlackTeam.Manager, $"schedule <@{SlackTeam.Rep}> 10:00,15:30 mon-thu");
        await team.CommandAsync(SlackTeam.Manager, $"pause <@{SlackTeam.Rep}>");
        await team.CommandAsync(SlackTeam.Manager, $"resume <@{SlackTeam.Rep}>");

        Assert.Contains("Sam Rep's style is now amiable. I've let them know.", answer);
        var told = team.Slack.MessagesIn(SlackTeam.Rep).Skip(before).Select(m => (string?)m["text"]).ToList();
        Assert.Equal(
        [
            "Maya Okafor set your coaching style to amiable, so your nudges are now worded for that style.",
            "Maya Okafor set your race to distance.",
            "Maya Okafor set your focus skills to discovery, closing.",
            "Maya Okafor changed your nudge times to 10:00, 15:30 your time (America/Chicago), on Mon, Tue, Wed, Thu.",
            "Maya Okafor paused your nudges. Type `resume` when you want them back.",
            "Maya Okafor turned your nudges back on.",
        ], told);
        Assert.Contains("Questions about it? Ask Maya Okafor.", Rendered(team.Slack.MessagesIn(SlackTeam.Rep)[^1]));
    }

    /// <summary>Nudge, Need help, "Yes, with a note", then the note typed in the DM; checks what the prompts say on the way.</summary>
    private static async Task<string> ShareWithANoteAsync(SlackTeam team, string note)
    {
        await team.PressAsync(SlackTeam.Rep, SlackTeam.Rep, await team.NudgeRepAsync(), SlackTeam.NudgeButton);
        var offer = team.LastWithButton(SlackTeam.Rep, EscalationOffers.WithNote);
        Assert.Contains("a card goes to the managers' channel, which every manager in CoachBot can read (not only yours)", Rendered(offer));
        await team.PressAsync(SlackTeam.Rep, SlackTeam.Rep, offer, EscalationOffers.WithNote);
        await team.EventAsync(SlackPayloads.DirectMessage(SlackTeam.Rep, note));
        var shared = (string?)team.Slack.MessagesIn(SlackTeam.Rep)[^1]["text"];
        Assert.Contains("with your note, in the managers' channel, where every manager can read it", shared);
        return "E-" + await team.ScalarAsync("select max(id) from escalation");
    }

    private static List<string> BlockTexts(JsonObject message) =>
        [.. (message["blocks"]?.AsArray() ?? []).OfType<JsonObject>().Select(b => b["text"]?["text"]?.GetValue<string>()
            ?? string.Join(" ", (b["elements"]?.AsArray() ?? []).OfType<JsonObject>().Select(e => (string?)e["text"] ?? "")))];

    // Everything a person reads in a Slack message: its text and every text inside its blocks.
    private static string Rendered(JsonNode? node) => node switch
    {
        JsonObject o => string.Join("\n", o.Select(p => p.Key == "text" && p.Value is JsonValue v ? v.GetValue<string>() : Rendered(p.Value)).Where(t => t.Length > 0)),
        JsonArray a => string.Join("\n", a.Select(Rendered).Where(t => t.Length > 0)),
        _ => "",
    };
}
