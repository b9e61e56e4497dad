using System.Net;
using System.Text.Json.Nodes;
using CoachBot.Platforms.Slack;

namespace CoachBot.Testing.Journeys;

/// <summary>Reads what a person would see in a Block Kit message or an Adaptive Card: the visible text and the buttons.</summary>
public static class MessageReader
{
    public static (string Text, IReadOnlyList<ShownButton> Buttons) FromSlack(string? fallbackText, JsonNode? blocks)
    {
        var parsed = blocks is JsonValue json && json.TryGetValue<string>(out var raw) ? JsonNode.Parse(raw) : blocks;
        var lines = new List<string>();
        var buttons = new List<ShownButton>();
        foreach (var block in (parsed as JsonArray ?? []).OfType<JsonObject>())
        {
            switch ((string?)block["type"])
            {
                case "header" or "section":
                    Add(lines, block["text"]?["text"]);
                    foreach (var field in (block["fields"] as JsonArray ?? []).OfType<JsonObject>())
                    {
                        Add(lines, field["text"]);
                    }

                    if (block["accessory"] is JsonObject accessory && (string?)accessory["type"] == "button")
                    {
                        buttons.Add(SlackButton(accessory));
                    }

                    break;
                case "context":
                    foreach (var element in (block["elements"] as JsonArray ?? []).OfType<JsonObject>())
                    {
                        Add(lines, element["text"]);
                    }

                    break;
                case "actions":
                    buttons.AddRange((block["elements"] as JsonArray ?? []).OfType<JsonObject>().Where(e => (string?)e["type"] == "button").Select(SlackButton));
                    break;
            }
        }

        if (lines.Count == 0)
        {
            Add(lines, fallbackText);
        }

        return (WebUtility.HtmlDecode(string.Join('\n', lines)), buttons);
    }

    public static (string Text, IReadOnlyList<ShownButton> Buttons) FromAdaptiveCard(JsonNode? card)
    {
        var lines = new List<string>();
        var buttons = new List<ShownButton>();
        Walk(card?["body"] as JsonArray, lines, buttons);
        Actions(card?["actions"] as JsonArray, buttons);
        return (string.Join('\n', lines), buttons);
    }

    /// <summary>The cards (Adaptive Card attachments) of a Bot Framework activity, or its text when it has none.</summary>
    public static (string Text, IReadOnlyList<ShownButton> Buttons) FromActivity(JsonNode? activity)
    {
        var cards = (activity?["attachments"] as JsonArray ?? []).OfType<JsonObject>()
            .Where(a => (string?)a["contentType"] == "application/vnd.microsoft.card.adaptive").Select(a => FromAdaptiveCard(a["content"])).ToList();
        if (cards.Count == 0)
        {
            return ((string?)activity?["text"] ?? "", []);
        }

        return (string.Join('\n', cards.Select(c => c.Text)), [.. cards.SelectMany(c => c.Buttons)]);
    }

    private static void Walk(JsonArray? elements, List<string> lines, List<ShownButton> buttons)
    {
        foreach (var element in (elements ?? []).OfType<JsonObject>())
        {
            switch ((string?)element["type"])
            {
                case "TextBlock":
                    Add(lines, element["text"]);
                    break;
                case "FactSet":
                    foreach (var fact in (element["facts"] as JsonArray ?? []).OfType<JsonObject>())
                    {
                        lines.Add($"{(string?)fact["title"]}: {(string?)fact["value"]}");
                    }

                    break;
                case "Container":
                    Walk(element["items"] as JsonArray, lines, buttons);
                    break;
                case "ColumnSet":
                    foreach (var column in (element["columns"] as JsonArray ?? []).OfType<JsonObject>())
                    {
                        Walk(column["items"] as JsonArray, lines, buttons);
                    }

                    break;
                case "ActionSet":
                    Actions(element["actions"] as JsonArray, buttons);
                    break;
            }
        }
    }

    private static void Actions(JsonArray? actions, List<ShownButton> buttons) =>
        buttons.AddRange((actions ?? []).OfType<JsonObject>()
            .Where(a => (string?)a["type"] is "Action.Execute" or "Action.Submit")
            .Select(a => new ShownButton((string?)a["title"] ?? "", (string?)a["data"]?["actionId"] ?? (string?)a["verb"] ?? "",
                (string?)a["data"]?["value"] ?? "", (string?)a["verb"] ?? (string?)a["data"]?["actionId"] ?? "")));

    private static ShownButton SlackButton(JsonObject button)
    {
        var id = (string?)button["action_id"] ?? "";
        return new ShownButton(WebUtility.HtmlDecode((string?)button["text"]?["text"] ?? ""), SlackActionId.Neutral(id), (string?)button["value"] ?? "", id);
    }

    private static void Add(List<string> lines, JsonNode? text)
    {
        if (text is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0)
        {
            lines.Add(s);
        }
    }
}
