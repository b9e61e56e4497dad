using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;

namespace CoachBot.Testing.Teams;

/// <summary>
/// Reads what the Agents Playground pushes on its websocket: {"action":"createMessage"|"updateMessage","message":{…}} per
/// bot message, with the text and Adaptive Card attachments a person sees.
/// </summary>
public static class PlaygroundFrames
{
    public static string MessageId(JsonNode frame) => frame["message"]!["messageId"]!.GetValue<string>();

    /// <summary>Where the message is: a chat's id, or for a channel post its thread ("&lt;channel&gt;;messageid=&lt;root&gt;").</summary>
    public static string ConversationOf(JsonNode frame) =>
        frame["message"]!["postConversationId"]?.GetValue<string>() ?? frame["actionConversationId"]!.GetValue<string>();

    /// <summary>Every text a person sees in the frame: the message text and each card TextBlock and FactSet value.</summary>
    public static string SeenText(JsonNode frame) => string.Join("\n", Texts(frame["message"]));

    /// <summary>The Action.Execute button titled <paramref name="title"/> (any, when null), or null.</summary>
    public static JsonNode? FindAction(JsonNode? node, string? title = null) => node switch
    {
        JsonObject o when o["type"]?.GetValue<string>() == "Action.Execute" && (title is null || o["title"]?.GetValue<string>() == title) => o,
        JsonObject o => o.Select(p => FindAction(p.Value, title)).FirstOrDefault(a => a is not null),
        JsonArray a => a.Select(n => FindAction(n, title)).FirstOrDefault(x => x is not null),
        _ => null,
    };

    public static IReadOnlyList<string> ButtonTitles(JsonNode? node) => node switch
    {
        JsonObject o when o["type"]?.GetValue<string>() == "Action.Execute" => [o["title"]?.GetValue<string>() ?? ""],
        JsonObject o => [.. o.SelectMany(p => ButtonTitles(p.Value))],
        JsonArray a => [.. a.SelectMany(ButtonTitles)],
        _ => [],
    };

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static IEnumerable<string> Texts(JsonNode? node) => node switch
    {
        JsonObject o => (o["text"] is JsonValue t && t.TryGetValue<string>(out var s) ? [s] : Array.Empty<string>())
            .Concat(o["value"] is JsonValue v && v.TryGetValue<string>(out var fact) ? [fact] : [])
            .Concat(o.Where(p => p.Key is not "text" and not "value" || p.Value is not JsonValue).SelectMany(p => Texts(p.Value))),
        JsonArray a => a.SelectMany(Texts),
        _ => [],
    };
}
