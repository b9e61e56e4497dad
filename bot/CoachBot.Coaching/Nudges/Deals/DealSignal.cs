namespace CoachBot.Coaching.Nudges.Deals;

/// <summary>What a deal-aware intent needs to be true of one of the rep's open deals (its `needs:` key in the YAML).</summary>
public enum DealSignal
{
    /// <summary>An open deal has sat in its stage for at least <see cref="DealFacts.StalledDays"/> days (a known stage date).</summary>
    StalledDeal,

    /// <summary>An open deal's close date moved at least <see cref="DealFacts.MovedTimes"/> times.</summary>
    MovedCloseDate,

    /// <summary>An open deal has had no activity for at least <see cref="Crm.Pipeline.RepPipeline.QuietDays"/> days.</summary>
    QuietDeal,
}

public static class DealSignals
{
    private static readonly Dictionary<string, DealSignal> ByName = new(StringComparer.Ordinal)
    {
        ["stalled_deal"] = DealSignal.StalledDeal,
        ["moved_close_date"] = DealSignal.MovedCloseDate,
        ["quiet_deal"] = DealSignal.QuietDeal,
    };

    public static string ValidOptions => string.Join(", ", ByName.Keys);

    public static DealSignal? FromName(string? name) => name is not null && ByName.TryGetValue(name.Trim(), out var signal) ? signal : null;
}
