using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using CoachBot.Coaching.Nudges.Composing;
using CoachBot.Coaching.Nudges.Deals;
using CoachBot.Coaching.Nudges.Library;
using CoachBot.Coaching.Nudges.Rendering;
using CoachBot.Coaching.Profiles;
using CoachBot.Platforms.Slack;
using CoachBot.Platforms.Teams;
using static CoachBot.Bot.WebConsole.Pages.Html;

namespace CoachBot.Bot.WebConsole.Pages;

/// <summary>
/// One intent in one style as a rep would get it: the real Block Kit and Adaptive Card JSON from the platform renderers,
/// pretty-printed, and a simple visual preview drawn from that same JSON (so the preview cannot drift from what is sent).
/// </summary>
public static class LibraryPreview
{
    public const string SampleFirstName = "Alex";

    // A fixed delivery id so previews are stable; real nudges carry their ledger row's id in the buttons.
    private static readonly Guid SampleDelivery = new("00000000-0000-0000-0000-000000000001");

    private static readonly JsonSerializerOptions Pretty = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public sealed record Rendering(CommunicationStyle Style, JsonArray Blocks, JsonObject Card);

    public static Rendering Render(NudgeIntent intent, CommunicationStyle style)
    {
        var values = new NudgeValues(SampleFirstName, null, DayOfWeek.Tuesday);
        // A deal-aware intent is previewed with a sample deal whose facts fit it, as a rep with such a deal would see it.
        var rendered = NudgeRenderer.Render(intent, style, intent.Needs is { } needs ? values with { Deal = SampleDeal(needs) } : values);
        var message = NudgeMessage.Build(SampleDelivery, intent, style, rendered.Text);
        return new Rendering(style, BlockKitRenderer.RenderBlocks(message), AdaptiveCardRenderer.Render(message));
    }

    private static DealFact SampleDeal(DealSignal signal) => new(signal, "sample", "Acme", "Proposal", 12, 2);

    public static string Html(Rendering r)
    {
        var html = new StringBuilder($"<section class=\"rendering\">\n<h3>{E(Capitalized(r.Style.Label()))}</h3>\n");
        html.Append("<div class=\"preview slack\"><h4>Slack</h4>\n");
        foreach (var block in r.Blocks.OfType<JsonObject>())
        {
            html.Append((string?)block["type"] switch
            {
                "section" => Text(SlackUnescaped((string?)block["text"]?["text"]), "p"),
                "context" => string.Concat(block["elements"]!.AsArray().Select(e => Text(SlackUnescaped((string?)e?["text"]), "small"))),
                "actions" => Buttons(block["elements"]!.AsArray().Select(e => (string?)e?["text"]?["text"])),
                _ => "",
            });
        }

        html.Append("</div>\n<div class=\"preview teams\"><h4>Teams</h4>\n");
        foreach (var element in r.Card["body"]!.AsArray().OfType<JsonObject>())
        {
            html.Append((string?)element["type"] switch
            {
                "TextBlock" => Text((string?)element["text"], (string?)element["size"] == "Small" ? "small" : "p"),
                "ActionSet" => Buttons(element["actions"]!.AsArray().Select(a => (string?)a?["title"])),
                _ => "",
            });
        }

        html.Append("</div>\n");
        html.Append("<details><summary>Block Kit JSON</summary><pre class=\"json block-kit\">").Append(E(r.Blocks.ToJsonString(Pretty))).Append("</pre></details>\n");
        html.Append("<details><summary>Adaptive Card JSON</summary><pre class=\"json adaptive-card\">").Append(E(r.Card.ToJsonString(Pretty))).Append("</pre></details>\n");
        return html.Append("</section>\n").ToString();
    }

    // mrkdwn escapes only &, < and >; the preview shows the characters, then HTML-encodes them again.
    private static string? SlackUnescaped(string? mrkdwn) =>
        mrkdwn?.Replace("&lt;", "<", StringComparison.Ordinal).Replace("&gt;", ">", StringComparison.Ordinal).Replace("&amp;", "&", StringComparison.Ordinal);

    private static string Text(string? text, string tag) => $"<{tag}>{E(text).Replace("\n", "<br>", StringComparison.Ordinal)}</{tag}>\n";

    private static string Buttons(IEnumerable<string?> labels) =>
        "<div class=\"buttons\">" + string.Concat(labels.Select(l => $"<span class=\"button\">{E(l)}</span>")) + "</div>\n";
}
