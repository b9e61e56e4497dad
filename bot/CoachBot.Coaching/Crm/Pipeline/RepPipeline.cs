namespace CoachBot.Coaching.Crm.Pipeline;

public sealed record OpenDeal(
    string Id, string Name, decimal? Amount, string? Currency, string Stage, int? DaysInStage, DateOnly? CloseDate, int CloseDateMoves,
    int DaysSinceActivity, DateTimeOffset CreatedAt);

/// <summary>A won or lost deal; <see cref="CycleDays"/> runs from its creation in the CRM to its close.</summary>
public sealed record ClosedDeal(string Id, string Name, decimal? Amount, string? Currency, bool Won, DateTimeOffset CreatedAt, DateTimeOffset ClosedAt)
{
    public int CycleDays => Math.Max(0, (int)(ClosedAt - CreatedAt).TotalDays);
}

/// <summary>
/// One rep's pipeline as the CRM last told it, for nudges, the brief, the race suggestion and `my data`. Null (not an
/// empty pipeline) stands for a rep with no CRM owner matched, so nothing CRM-shaped is ever shown to them.
/// </summary>
public sealed record RepPipeline(
    IReadOnlyList<OpenDeal> Open, IReadOnlyList<ClosedDeal> Closed, IReadOnlyDictionary<CrmActivityKind, int> Activities, DateOnly Today)
{
    /// <summary>A deal with no activity for this long is quiet: the brief lists it and a nudge may name it.</summary>
    public const int QuietDays = 14;

    /// <summary>How far back <see cref="AddedThisWeek"/> looks: the brief's own week.</summary>
    public static readonly TimeSpan Week = TimeSpan.FromDays(7);

    /// <summary>Open deals whose close date moved at least once or has passed while the deal is still open.</summary>
    public IReadOnlyList<OpenDeal> Slipped => Open.Where(d => d.CloseDateMoves > 0 || d.CloseDate < Today).ToList();

    public IReadOnlyList<OpenDeal> Quiet => Open.Where(d => d.DaysSinceActivity >= QuietDays).OrderByDescending(d => d.DaysSinceActivity).ToList();

    public IReadOnlyList<ClosedDeal> Won => Closed.Where(d => d.Won).ToList();

    public MoneyTotal OpenAmount => MoneyTotal.Of(Open.Select(d => (d.Amount, d.Currency)));

    /// <summary>Amount of the deals created in the last week (open or already closed).</summary>
    public MoneyTotal AddedThisWeek(DateTimeOffset now) =>
        MoneyTotal.Of(Open.Where(d => d.CreatedAt >= now - Week).Select(d => (d.Amount, d.Currency))
            .Concat(Closed.Where(d => d.CreatedAt >= now - Week).Select(d => (d.Amount, d.Currency))));

    public int ActivityCount(CrmActivityKind kind) => Activities.GetValueOrDefault(kind);
}
