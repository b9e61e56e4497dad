namespace CoachBot.Coaching.Crm;

/// <summary>The <c>Crm</c> section: how often each connection syncs, and the key that seals what a connector obtains at runtime.</summary>
public sealed class CrmOptions
{
    public const string Section = "Crm";

    /// <summary>Base64 of 32 random bytes (env Crm__SecretKey). Needed only by connectors that store credentials (OAuth).</summary>
    public string? SecretKey { get; set; }

    /// <summary>Between two syncs of a connection; whole minutes from 1 to 60 (a Hangfire cron step).</summary>
    public TimeSpan SyncEvery { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Taken off a completed load's start time, so a change saved while the load ran is read again next time.</summary>
    public TimeSpan CursorOverlap { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long one instance holds a connection; renewed after every page, so only a crashed instance lets it lapse.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);
}
