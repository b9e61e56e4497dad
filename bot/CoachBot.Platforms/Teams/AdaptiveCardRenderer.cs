using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CoachBot.Coaching.Chat;

namespace CoachBot.Platforms.Teams;

/// <summary>
/// Renders the neutral <see cref="CoachMessage"/> as an Adaptive Card (schema 1.5). Buttons are Action.Execute with an
/// Action.Submit fallback; both carry <c>{actionId, value}</c>, the same neutral action ids Slack's buttons carry.
/// </summary>
public static class AdaptiveCardRenderer
{
    public const string Version = "1.5";

    // The conservative Teams card budget (incoming-webhook limit); real bot messages allow ~80 KB.
    public const int MaxCardBytes = 28 * 1024;
    private const int MaxFacts = 20;

    public static JsonObject Render(CoachMessage message)
    {
        var body = new JsonArray();
        var separateNext = false;
        foreach (var block in message.Blocks)
        {
            if (block is DividerBlock)
            {
                separateNext = true;
                continue;
            }

            var element = RenderBlock(block);
            if (separateNext)
            {
                element["separator"] = true;
                separateNext = false;
            }

            body.Add(element);
        }

        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = Version,
            ["fallbackText"] = CardText.Safe(message.Text), // plain text, shown as typed
            ["body"] = body,
        };
        return FitToLimit(card, body);
    }

    public static Attachment ToAttachment(CoachMessage message) =>
        new(Attachment.AdaptiveCard, JsonSerializer.SerializeToElement(Render(message)));

    private static JsonObject RenderBlock(MessageBlock block) => block switch
    {
        HeaderBlock h => TextBlock(CardText.Composed(h.Content), ("size", "Large"), ("weight", "Bolder")),
        SectionBlock s => TextBlock(CardText.Composed(s.Content)),
        ContextBlock c => TextBlock(CardText.Composed(c.Content), ("size", "Small"), ("isSubtle", true)),
        FieldsBlock f => new JsonObject
        {
            ["type"] = "FactSet",
            ["facts"] = new JsonArray([.. f.Fields.Take(MaxFacts).Select(field => (JsonNode)new JsonObject
            {
                ["title"] = CardText.Safe(field.Label),
                ["value"] = CardText.Quoted(field.Value),
            })]),
        },
        QuoteBlock q => new JsonObject
        {
            ["type"] = "Container",
            ["style"] = "emphasis",
            ["items"] = new JsonArray(TextBlock(CardText.Quoted(q.Text), ("isSubtle", true))),
        },
        ActionsBlock a => new JsonObject
        {
            ["type"] = "ActionSet",
            ["actions"] = new JsonArray([.. a.Buttons.Select(b => (JsonNode)Button(b))]),
        },
        _ => TextBlock(""),
    };

    private static JsonObject TextBlock(string text, params (string Name, JsonNode Value)[] style)
    {
        var block = new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true };
        foreach (var (name, value) in style)
        {
            block[name] = value;
        }

        return block;
    }

    private static JsonObject Button(ChatButton button)
    {
        var title = CardText.Safe(button.Label);
        var style = button.Style switch { ButtonStyle.Primary => "positive", ButtonStyle.Danger => "destructive", _ => "default" };
        return new JsonObject
        {
            ["type"] = "Action.Execute",
            ["title"] = title,
            ["verb"] = button.ActionId,
            ["style"] = style,
            ["data"] = Data(button),
            // Clients without Universal Actions send a message activity instead, which CoachBot reads the same way.
            ["fallback"] = new JsonObject { ["type"] = "Action.Submit", ["title"] = title, ["data"] = Data(button) },
        };
    }

    private static JsonObject Data(ChatButton button) =>
        new() { [CardSubmit.ActionIdKey] = button.ActionId, [CardSubmit.ValueKey] = button.Value };

    private static JsonObject FitToLimit(JsonObject card, JsonArray body)
    {
        // Drop trailing non-button content until the card fits, then say that it was shortened.
        var shortened = false;
        while (Size(card) > MaxCardBytes && body.Count > 0)
        {
            var index = body.Select((node, i) => (node, i)).LastOrDefault(x => x.node?["type"]?.GetValue<string>() != "ActionSet").i;
            body.RemoveAt(index);
            shortened = true;
        }

        if (shortened)
        {
            body.Add(TextBlock("(Shortened to fit Teams. Ask me for the full details.)", ("size", "Small"), ("isSubtle", true)));
        }

        return card;
    }

    private static int Size(JsonObject card) => Encoding.UTF8.GetByteCount(card.ToJsonString());
}
