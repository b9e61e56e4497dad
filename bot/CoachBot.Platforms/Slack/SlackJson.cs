using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CoachBot.Platforms.Slack;

/// <summary>
/// Loose, non-throwing reads of Slack JSON: a field of the wrong type reads as missing, so bad input becomes a 400, not a crash.
/// Parsing checks the whole tree once, so a parsed object is always safe to read, and <see cref="ForStorage"/> to store.
/// </summary>
public static class SlackJson
{
    private static readonly JsonDocumentOptions Strict = new() { AllowDuplicateProperties = false, MaxDepth = 64 };

    /// <summary>
    /// The object in <paramref name="utf8"/>, or null if it is not well-formed: not JSON, invalid UTF-8 or a lone surrogate
    /// anywhere, U+0000 in a name, or a number PostgreSQL's jsonb cannot hold. U+0000 in a value is kept (see <see cref="ForStorage"/>).
    /// </summary>
    public static JsonObject? ParseObject(ReadOnlySpan<byte> utf8)
    {
        try
        {
            return JsonNode.Parse(utf8, documentOptions: Strict) is JsonObject parsed && IsWellFormed(parsed) ? parsed : null;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // InvalidOperationException: text that is not valid UTF-8/UTF-16 surfaces only when a string is first read.
            return null;
        }
    }

    public static JsonObject? ParseObject(string json) => ParseObject(Encoding.UTF8.GetBytes(json));

    public static string? Str(this JsonNode? node, string key) =>
        node is JsonObject o && o[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    /// <summary>The field as a Slack id used as a key, or null when it is missing, not a string or not a well-formed id (<see cref="SlackId"/>).</summary>
    public static string? Id(this JsonNode? node, string key) => node.Str(key) is { } s && SlackId.IsWellFormed(s) ? s : null;

    /// <summary>False when the field is present but is not a well-formed id; a missing field is fine.</summary>
    public static bool IdOrAbsent(this JsonNode? node, string key) => node is not JsonObject o || o[key] is null || node.Id(key) is not null;

    public static bool? Bool(this JsonNode? node, string key) =>
        node is JsonObject o && o[key] is JsonValue v && v.TryGetValue<bool>(out var b) ? b : null;

    public static JsonObject? Obj(this JsonNode? node, string key) => node is JsonObject o ? o[key] as JsonObject : null;

    public static JsonArray? Arr(this JsonNode? node, string key) => node is JsonObject o ? o[key] as JsonArray : null;

    /// <summary>The object as JSON for a jsonb column: PostgreSQL cannot store U+0000, so it is dropped from text values.</summary>
    public static string ForStorage(this JsonObject json)
    {
        var text = json.ToJsonString();
        if (!text.Contains("\\u0000", StringComparison.Ordinal))
        {
            return text;
        }

        var copy = json.DeepClone();
        DropNul(copy);
        return copy.ToJsonString();
    }

    private static void DropNul(JsonNode? node)
    {
        if (node is JsonObject o)
        {
            foreach (var (name, child) in o.ToList())
            {
                if (child is JsonValue v && v.TryGetValue<string>(out var s) && s.Contains('\0'))
                {
                    o[name] = s.Replace("\0", "", StringComparison.Ordinal);
                }
                else
                {
                    DropNul(child);
                }
            }
        }
        else if (node is JsonArray a)
        {
            for (var i = 0; i < a.Count; i++)
            {
                if (a[i] is JsonValue v && v.TryGetValue<string>(out var s) && s.Contains('\0'))
                {
                    a[i] = s.Replace("\0", "", StringComparison.Ordinal);
                }
                else
                {
                    DropNul(a[i]);
                }
            }
        }
    }

    // Reads every name and value once: text that is not valid UTF-8/UTF-16 throws here, not later in a handler.
    private static bool IsWellFormed(JsonNode? node) => node switch
    {
        JsonObject o => o.All(p => !p.Key.Contains('\0') && IsWellFormed(p.Value)),
        JsonArray a => a.All(IsWellFormed),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>() is not null,
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => IsStorableNumber(v.ToJsonString()),
        _ => true,
    };

    // jsonb keeps numbers as numeric, which overflows past about 1e131072 or 1e-16383: Slack only sends short ones.
    private static bool IsStorableNumber(string number)
    {
        var e = number.AsSpan().IndexOfAny('e', 'E');
        return number.Length <= 32 && (e < 0 || number.AsSpan(e + 1).TrimStart("+-").Length <= 3);
    }
}
