using System.Text.Json.Nodes;
using CoachBot.Coaching.Chat;

namespace CoachBot.Platforms.Slack;

/// <summary>
/// Turns the neutral <see cref="CoachMessage"/> into Block Kit within Slack's limits. Section, context and fallback text
/// keep CoachBot's own mrkdwn and escape every <see cref="UserText"/> part in it; quotes and fields are escaped whole;
/// headers and buttons are plain_text, which Slack never parses.
/// </summary>
public static class BlockKitRenderer
{
    public const int MaxMessageBlocks = 50;
    public const int MaxViewBlocks = 100;
    public const int MaxSectionText = 3000;
    public const int MaxFallbackText = 4000;
    private const int MaxHeaderText = 150;
    private const int MaxFields = 10;
    private const int MaxFieldText = 2000;
    private const int MaxButtons = 25;
    private const int MaxButtonText = 75;
    private const int MaxButtonValue = 2000;

    /// <summary>The fallback <c>text</c> for notifications and screen readers.</summary>
    public static string FallbackText(CoachMessage message) => SlackText.Truncate(Escaped(message.Content), MaxFallbackText);

    public static JsonArray RenderBlocks(CoachMessage message, int maxBlocks = MaxMessageBlocks)
    {
        var blocks = message.Blocks.SelectMany(RenderBlock).ToList();
        UniquifyActionIds(blocks);
        if (blocks.Count > maxBlocks)
        {
            blocks = [.. blocks.Take(maxBlocks - 1), Context(SlackText.Ellipsis)];
        }

        return new JsonArray([.. blocks]);
    }

    /// <summary>A Home tab view for <c>views.publish</c>.</summary>
    public static JsonObject RenderHome(CoachMessage message) => new()
    {
        ["type"] = "home",
        ["blocks"] = RenderBlocks(message, MaxViewBlocks),
    };

    private static IEnumerable<JsonObject> RenderBlock(MessageBlock block) => block switch
    {
        SectionBlock section => [Section(Mrkdwn(SlackText.Truncate(Escaped(section.Content), MaxSectionText)))],
        HeaderBlock header => [new() { ["type"] = "header", ["text"] = PlainText(header.Text, MaxHeaderText) }],
        ContextBlock context => [Context(SlackText.Truncate(Escaped(context.Content), MaxSectionText))],
        QuoteBlock quote => [Section(Mrkdwn(SlackText.Truncate(SlackText.Quote(quote.Text), MaxSectionText)))],
        FieldsBlock fields => fields.Fields.Chunk(MaxFields).Select(FieldsSection),
        ActionsBlock actions => actions.Buttons.Chunk(MaxButtons).Select(ActionsRow),
        DividerBlock => [new() { ["type"] = "divider" }],
        _ => [],
    };

    private static JsonObject FieldsSection(Field[] fields) => new()
    {
        ["type"] = "section",
        ["fields"] = new JsonArray([.. fields.Select(f => Mrkdwn(SlackText.Truncate(
            $"*{SlackText.Escape(f.Label)}*\n{SlackText.Escape(f.Value)}", MaxFieldText)))]),
    };

    private static JsonObject ActionsRow(ChatButton[] buttons) => new()
    {
        ["type"] = "actions",
        ["elements"] = new JsonArray([.. buttons.Select(Button)]),
    };

    private static JsonObject Button(ChatButton button)
    {
        var element = new JsonObject
        {
            ["type"] = "button",
            ["action_id"] = button.ActionId,
            ["text"] = PlainText(button.Label, MaxButtonText),
            ["value"] = button.Value.Length <= MaxButtonValue ? button.Value : throw new ArgumentException($"Button value for {button.ActionId} is over {MaxButtonValue} characters; buttons carry ids only."),
        };
        if (button.Style != ButtonStyle.Default)
        {
            element["style"] = button.Style == ButtonStyle.Primary ? "primary" : "danger";
        }

        return element;
    }

    // Slack rejects repeated action_ids in one message (the five rating buttons share one); SlackActionId.Neutral strips the suffix.
    private static void UniquifyActionIds(List<JsonObject> blocks)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var element in blocks.Where(b => (string?)b["type"] == "actions").SelectMany(b => b["elements"]!.AsArray()))
        {
            var id = (string)element!["action_id"]!;
            var count = seen[id] = seen.GetValueOrDefault(id) + 1;
            if (count > 1)
            {
                element["action_id"] = SlackActionId.Numbered(id, count);
            }
        }
    }

    private static JsonObject Section(JsonObject text) => new() { ["type"] = "section", ["text"] = text };

    private static JsonObject Context(string mrkdwn) => new()
    {
        ["type"] = "context",
        ["elements"] = new JsonArray(Mrkdwn(mrkdwn)),
    };

    // Slack parses the top-level text and mrkdwn for mentions, broadcasts and links: a person's words must not be.
    private static string Escaped(ComposedText text) => text.Render(SlackText.Escape);

    private static JsonObject Mrkdwn(string text) => new() { ["type"] = "mrkdwn", ["text"] = text };

    // plain_text is never parsed for mentions or links, so it needs no escaping, only a length cap.
    private static JsonObject PlainText(string text, int max) => new()
    {
        ["type"] = "plain_text",
        ["text"] = SlackText.Truncate(text, max),
        ["emoji"] = true,
    };
}
