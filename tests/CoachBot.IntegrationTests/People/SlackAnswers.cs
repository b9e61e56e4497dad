using System.Text.Json.Nodes;

namespace CoachBot.IntegrationTests.People;

/// <summary>Reads what Slack would show from answers as SlackTeam.CommandAsync returns them: one JSON document a line.</summary>
internal static class SlackAnswers
{
    public static JsonArray Parse(string joined) => new([.. joined.Split('\n').Select(line => JsonNode.Parse(line))]);

    /// <summary>Every text in them, decoded: top-level text, mrkdwn and plain_text.</summary>
    public static string Texts(string joined) => string.Join('\n', AllTexts(Parse(joined)));

    private static IEnumerable<string> AllTexts(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Key == "text" && p.Value is JsonValue v && v.TryGetValue<string>(out var s) ? [s] : AllTexts(p.Value)),
        JsonArray a => a.SelectMany(AllTexts),
        _ => [],
    };
}
