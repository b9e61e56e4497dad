namespace CoachBot.Coaching.Nudges.Selection;

/// <summary>Stable seeds and tie-breaks: string.GetHashCode is randomised per process, so FNV-1a is used instead.</summary>
public static class NudgeSeed
{
    private const ulong Offset = 14695981039346656037;
    private const ulong Prime = 1099511628211;

    /// <summary>The seed for a delivery, so a retried delivery selects the same intent.</summary>
    public static ulong From(Guid deliveryId)
    {
        Span<byte> bytes = stackalloc byte[16];
        deliveryId.TryWriteBytes(bytes);
        return Mix(Offset, bytes);
    }

    /// <summary>A rank for <paramref name="key"/> under <paramref name="seed"/>: lowest wins, different seeds give different orders.</summary>
    public static ulong Rank(ulong seed, string key)
    {
        Span<byte> seedBytes = stackalloc byte[8];
        BitConverter.TryWriteBytes(seedBytes, seed);
        var hash = Mix(Offset, seedBytes);
        foreach (var c in key)
        {
            hash = (hash ^ c) * Prime;
        }

        return hash;
    }

    private static ulong Mix(ulong hash, ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * Prime;
        }

        return hash;
    }
}
