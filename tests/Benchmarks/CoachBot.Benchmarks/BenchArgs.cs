using System.Globalization;

namespace CoachBot.Benchmarks;

/// <summary>key=value command-line arguments.</summary>
internal sealed class BenchArgs(Dictionary<string, string> values)
{
    public static BenchArgs Parse(string[] args) => new(args
        .Select(a => a.Split('=', 2))
        .Where(p => p.Length == 2)
        .ToDictionary(p => p[0].TrimStart('-'), p => p[1], StringComparer.OrdinalIgnoreCase));

    public string Get(string key, string fallback) => values.TryGetValue(key, out var v) ? v : fallback;

    public int Int(string key, int fallback) => values.TryGetValue(key, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

    public double Double(string key, double fallback) => values.TryGetValue(key, out var v) ? double.Parse(v, CultureInfo.InvariantCulture) : fallback;

    public IEnumerable<string> ToArgs() => values.Select(kv => $"{kv.Key}={kv.Value}");

    public BenchArgs With(string key, object value)
    {
        var copy = new Dictionary<string, string>(values, StringComparer.OrdinalIgnoreCase) { [key] = Convert.ToString(value, CultureInfo.InvariantCulture)! };
        return new BenchArgs(copy);
    }
}
