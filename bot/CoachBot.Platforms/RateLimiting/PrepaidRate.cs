namespace CoachBot.Platforms.RateLimiting;

/// <summary>
/// Marks, for the calls made inside a scope, that a caller already reserved the slot for <c>key</c>
/// (the nudge sender reserves whole batches up front), so the platform client does not pay for it twice.
/// Other keys, such as Slack's per-channel limit, are still paced as usual.
/// </summary>
public static class PrepaidRate
{
    private static readonly AsyncLocal<string?> Current = new();

    public static IDisposable For(string key)
    {
        var previous = Current.Value;
        Current.Value = key;
        return new Restore(previous);
    }

    internal static bool Covers(string key) => Current.Value == key;

    private sealed class Restore(string? previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }
}
