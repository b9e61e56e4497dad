namespace CoachBot.Platforms.RateLimiting;

/// <summary>
/// Marks, for the calls made inside a scope, that a caller already reserved the slot for <c>key</c>
/// (the nudge sender reserves whole batches up front), so the platform client does not pay for it twice.
/// A scope carries one nudge to one rep's own conversation, so its first per-conversation reservation is prepaid too
/// (see <see cref="SharedRateGate.WaitForConversationAsync"/>); any further message in the scope is paced as usual.
/// </summary>
public static class PrepaidRate
{
    private static readonly AsyncLocal<Scope?> Current = new();

    /// <summary>
    /// <paramref name="perSecond"/> is the rate the caller reserved at; <see cref="BurstGuardHandler"/> holds this
    /// process to it within any one second, right before the request leaves.
    /// </summary>
    public static IDisposable For(string key, double perSecond)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(perSecond);
        var previous = Current.Value;
        Current.Value = new Scope(key, perSecond);
        return new Restore(previous);
    }

    internal static bool Covers(string key) => Current.Value?.Key == key;

    /// <summary>The scope's one prepaid conversation message, taken by the first caller; null outside a scope.</summary>
    internal static Scope? Active => Current.Value;

    internal sealed class Scope(string key, double perSecond)
    {
        private int _conversationTaken;

        public string Key => key;

        public double PerSecond => perSecond;

        /// <summary>The conversation the prepaid message went to and when (Stopwatch ticks), once taken.</summary>
        public (string Key, long At)? Conversation { get; private set; }

        public bool TryTakeConversation(string conversationKey, long now)
        {
            if (Interlocked.Exchange(ref _conversationTaken, 1) != 0)
            {
                return false;
            }

            Conversation = (conversationKey, now);
            return true;
        }
    }

    private sealed class Restore(Scope? previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }
}
