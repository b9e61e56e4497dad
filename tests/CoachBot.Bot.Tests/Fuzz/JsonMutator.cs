using System.Text;
using System.Text.Json.Nodes;

namespace CoachBot.Bot.Tests.Fuzz;

/// <summary>
/// Seeded structural mutations of a valid JSON payload: odd text, invalid encodings, huge values, missing, duplicated and
/// mistyped fields, bogus enum values, numbers jsonb cannot hold, deep nesting and truncation. Returns the final bytes.
/// </summary>
public sealed class JsonMutator(Random random)
{
    private static readonly string[] OddText = ["👋🏽 emoji", "‮reversed‬ שלום مرحبا", "<!channel> *bold* <@U0X>", "a\0b", "\0", "'; drop table person; --", "%00%FF"];
    private static readonly string[] Types = ["42", "-1.5", "true", "false", "null", "[]", "{}", "\"\"", "[1,\"a\",null]", "{\"x\":{\"y\":[]}}"];

    public (byte[] Body, string Mutation) Mutate(JsonObject seed)
    {
        var json = (JsonObject)seed.DeepClone();
        var raws = new Dictionary<string, byte[]>();
        var done = new List<string>();
        for (var n = random.Next(1, 3); n > 0; n--)
        {
            done.Add(MutateOnce(json, raws));
        }

        var text = json.ToJsonString();
        var body = Encoding.UTF8.GetBytes(text);
        foreach (var (marker, raw) in raws)
        {
            body = Replace(body, Encoding.UTF8.GetBytes($"\"{marker}\""), raw);
        }

        if (random.Next(12) == 0)
        {
            var cut = random.Next(body.Length);
            done.Add($"truncated at {cut}");
            body = body[..cut];
        }

        return (body, string.Join(", ", done));
    }

    private string MutateOnce(JsonObject root, Dictionary<string, byte[]> raws)
    {
        var slots = Slots(root, "").ToList();
        if (slots.Count == 0)
        {
            return "empty";
        }

        var (parent, key, index, path) = slots[random.Next(slots.Count)];
        string Raw(string raw) => Raw8(Encoding.UTF8.GetBytes(raw));
        string Raw8(byte[] raw)
        {
            var marker = $"~~M{raws.Count}~~";
            raws[marker] = raw;
            return marker;
        }

        void Set(JsonNode? value)
        {
            if (key is not null)
            {
                ((JsonObject)parent)[key] = value;
            }
            else
            {
                ((JsonArray)parent)[index] = value;
            }
        }

        var current = key is not null ? ((JsonObject)parent)[key] : ((JsonArray)parent)[index];
        var currentText = current is JsonValue v && v.TryGetValue<string>(out var s) ? s : "x";
        switch (random.Next(14))
        {
            case 0:
                Set(currentText.Insert(random.Next(currentText.Length + 1), "\0"));
                return $"{path}: U+0000";
            case 1:
                Set(Raw($"\"{Escape(currentText)}\\ud800\""));
                return $"{path}: lone surrogate";
            case 2:
                Set(Raw8([(byte)'"', .. Encoding.UTF8.GetBytes(Escape(currentText)), 0xC3, 0x28, 0xFF, 0xFE, (byte)'"']));
                return $"{path}: invalid UTF-8";
            case 3:
                var length = new[] { 256, 3_000, 70_000 }[random.Next(3)];
                Set(new string((char)('a' + random.Next(26)), length));
                return $"{path}: {length} characters";
            case 4 when key is not null:
                ((JsonObject)parent).Remove(key);
                return $"{path}: deleted";
            case 5 when key is not null && current is not null:
                var value = current.ToJsonString();
                Set(Raw($"{value},\"{Escape(key)}\":{value}"));
                return $"{path}: duplicated";
            case 6:
                var type = Types[random.Next(Types.Length)];
                Set(Raw(type));
                return $"{path}: became {type}";
            case 7:
                Set("bogus");
                return $"{path}: bogus value";
            case 8:
                var number = new[] { "1e200000", "-1e-20000", "123456789012345678901234567890123456789", "1e308", "0.1e-99" }[random.Next(5)];
                Set(Raw(number));
                return $"{path}: number {number}";
            case 9:
                var odd = OddText[random.Next(OddText.Length)];
                Set(odd);
                return $"{path}: odd text";
            case 10 when key is not null && current is not null:
                ((JsonObject)parent).Remove(key);
                ((JsonObject)parent)[key.Insert(random.Next(key.Length + 1), random.Next(2) == 0 ? "\0" : "😀")] = current;
                return $"{path}: odd character in the name";
            case 11 when key is not null && current is not null:
                var renamed = Raw($"\"{Escape(key)}\\udc00\"");
                ((JsonObject)parent).Remove(key);
                ((JsonObject)parent)[renamed] = current;
                return $"{path}: lone surrogate in the name";
            case 12:
                var depth = random.Next(2) == 0 ? 63 : 100;
                Set(Raw(new string('[', depth) + new string(']', depth)));
                return $"{path}: nested {depth} deep";
            default:
                Set(JsonValue.Create(currentText + currentText));
                return $"{path}: doubled";
        }
    }

    private static IEnumerable<(JsonNode Parent, string? Key, int Index, string Path)> Slots(JsonNode node, string path)
    {
        if (node is JsonObject o)
        {
            foreach (var (key, child) in o.ToList())
            {
                yield return (o, key, -1, $"{path}.{key}");
                if (child is not null)
                {
                    foreach (var slot in Slots(child, $"{path}.{key}"))
                    {
                        yield return slot;
                    }
                }
            }
        }
        else if (node is JsonArray a)
        {
            for (var i = 0; i < a.Count; i++)
            {
                yield return (a, null, i, $"{path}[{i}]");
                if (a[i] is { } child)
                {
                    foreach (var slot in Slots(child, $"{path}[{i}]"))
                    {
                        yield return slot;
                    }
                }
            }
        }
    }

    private static string Escape(string text) => JsonValue.Create(text).ToJsonString()[1..^1];

    public static byte[] Replace(byte[] haystack, byte[] needle, byte[] replacement)
    {
        var at = haystack.AsSpan().IndexOf(needle);
        return at < 0 ? haystack : [.. haystack.AsSpan(0, at), .. replacement, .. haystack.AsSpan(at + needle.Length)];
    }
}
