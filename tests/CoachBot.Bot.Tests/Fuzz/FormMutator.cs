using System.Text;

namespace CoachBot.Bot.Tests.Fuzz;

/// <summary>Seeded mutations of an x-www-form-urlencoded body: odd and invalid text, huge keys and values, missing, duplicated and extra fields, broken escapes.</summary>
public sealed class FormMutator(Random random)
{
    private const string PayloadMarker = "~~PAYLOAD~~";

    /// <summary><paramref name="mutatePayload"/>, when given, mutates the JSON in the <c>payload</c> field (interactions).</summary>
    public (byte[] Body, string Mutation) Mutate(IReadOnlyList<KeyValuePair<string, string>> seed, Func<(byte[] Json, string Mutation)>? mutatePayload = null)
    {
        var fields = seed.ToList();
        var i = random.Next(fields.Count);
        var (key, value) = fields[i];
        string mutation;
        string? rawTail = null;
        byte[]? payload = null;
        switch (random.Next(mutatePayload is null ? 11 : 16))
        {
            case 0:
                fields[i] = new(key, value.Insert(random.Next(value.Length + 1), "\0"));
                mutation = $"{key}: U+0000";
                break;
            case 1:
                fields[i] = new(key.Insert(random.Next(key.Length + 1), "\0"), value);
                mutation = $"{key}: U+0000 in the key";
                break;
            case 2:
                fields.Add(new(new string('k', random.Next(2) == 0 ? 2_049 : 5_000), "x"));
                mutation = "a key over 2,048 characters";
                break;
            case 3:
                var length = new[] { 256, 3_000, 70_000 }[random.Next(3)];
                fields[i] = new(key, new string('v', length));
                mutation = $"{key}: {length} characters";
                break;
            case 4:
                fields.RemoveAt(i);
                mutation = $"{key}: deleted";
                break;
            case 5:
                fields.Add(fields[i]);
                mutation = $"{key}: duplicated";
                break;
            case 6:
                fields[i] = new(key, "bogus");
                mutation = $"{key}: bogus value";
                break;
            case 7:
                fields.AddRange(Enumerable.Range(0, 1_100).Select(n => new KeyValuePair<string, string>($"f{n}", "x")));
                mutation = "1,100 extra fields";
                break;
            case 8:
                rawTail = new[] { "&text=%ZZ", "&text=%FF%FE", "&text=%ED%A0%80", "&=", "&&&", "&text", "&%00=%00", "&a=%" }[random.Next(8)];
                mutation = $"raw tail {rawTail}";
                break;
            case 9:
                fields[i] = new(key, "👋🏽 ‮שלום‬ <!here> " + value);
                mutation = $"{key}: odd text";
                break;
            case 10:
                fields[i] = new(key, "");
                mutation = $"{key}: empty";
                break;
            default:
                (payload, var what) = mutatePayload!();
                fields[fields.FindIndex(f => f.Key == "payload")] = new("payload", PayloadMarker);
                mutation = $"payload {what}";
                break;
        }

        var body = Encoding.UTF8.GetBytes(string.Join('&', fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}")) + rawTail);
        if (payload is not null)
        {
            // Byte by byte, so invalid UTF-8 in the JSON reaches the server as it is.
            body = JsonMutator.Replace(body, Encoding.UTF8.GetBytes(PayloadMarker), Encoding.ASCII.GetBytes(string.Concat(payload.Select(b => $"%{b:X2}"))));
        }

        if (random.Next(20) == 0)
        {
            body = [.. body, 0xFF, 0xC3, 0x28];
            mutation += ", raw invalid UTF-8 appended";
        }

        return (body, mutation);
    }
}
