using System.Text.Json.Nodes;

namespace CoachBot.IntegrationTests.Demo;

// What an app would post: a nudge in Block Kit (header, section with fields, context, divider, actions) and a Home view.
internal static class SampleMessages
{
    public const string DeliveryId = "5b3c1e0a-7d1f-4a52-9c1e-2f1f2a3b4c5d";

    public static JsonArray Nudge() =>
    [
        new JsonObject { ["type"] = "header", ["text"] = PlainText("Today's nudge: 5 calls before 11:00") },
        new JsonObject
        {
            ["type"] = "section",
            ["text"] = Mrkdwn("Ava, mornings are your strongest slot. *Block 45 minutes* and call the five accounts that opened last week's email."),
            ["fields"] = new JsonArray(Mrkdwn("*Focus*\nProspecting"), Mrkdwn("*Streak*\n4 days")),
        },
        new JsonObject { ["type"] = "context", ["elements"] = new JsonArray(Mrkdwn("Sent because you run a sprint race · `/coach pause` to take a break")) },
        new JsonObject { ["type"] = "divider" },
        new JsonObject
        {
            ["type"] = "actions",
            ["block_id"] = "nudge-actions",
            ["elements"] = new JsonArray(
                Button("Done", "nudge.done", "primary"),
                Button("Snooze 1d", "nudge.snooze", null),
                Button("Need help", "nudge.help", null)),
        },
    ];

    public static JsonArray Done() =>
    [
        new JsonObject { ["type"] = "section", ["text"] = Mrkdwn("~5 calls before 11:00~ *Done* — nice work, streak is 5 days.") },
    ];

    public static JsonObject HomeView() => new()
    {
        ["type"] = "home",
        ["blocks"] = new JsonArray(
            new JsonObject { ["type"] = "header", ["text"] = PlainText("Your coaching") },
            new JsonObject { ["type"] = "section", ["text"] = Mrkdwn("Style *Driver* · race *sprint*"), ["accessory"] = Button("Change style", "home.style", null) }),
    };

    private static JsonObject Button(string label, string actionId, string? style)
    {
        var button = new JsonObject { ["type"] = "button", ["text"] = PlainText(label), ["action_id"] = actionId, ["value"] = DeliveryId };
        if (style is not null)
        {
            button["style"] = style;
        }

        return button;
    }

    private static JsonObject PlainText(string text) => new() { ["type"] = "plain_text", ["text"] = text };

    private static JsonObject Mrkdwn(string text) => new() { ["type"] = "mrkdwn", ["text"] = text };
}
