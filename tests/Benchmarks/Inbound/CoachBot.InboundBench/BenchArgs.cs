using System.Globalization;

namespace CoachBot.InboundBench;

/// <summary><c>key=value</c> arguments, as the nudge benchmark takes them.</summary>
internal sealed class BenchArgs(Dictionary<string, string> values)
{
    public static BenchArgs Parse(IEnumerable<string> args) =>
        new(args.Select(a => a.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1], StringComparer.OrdinalIgnoreCase));

    public string Str(string key, string fallback) => values.TryGetValue(key, out var value) ? value : fallback;

    public string Required(string key) => values.TryGetValue(key, out var value) ? value : throw new ArgumentException($"missing {key}=");

    public int Int(string key, int fallback) => values.TryGetValue(key, out var value) ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;
}
