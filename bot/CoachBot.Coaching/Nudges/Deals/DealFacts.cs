using CoachBot.Coaching.Crm.Pipeline;

namespace CoachBot.Coaching.Nudges.Deals;

/// <summary>Which deal-aware nudges a rep's pipeline supports, and about which deal: per signal the biggest deal that fits.</summary>
public static class DealFacts
{
    /// <summary>Days in one stage before "book the next step" is worth saying (the example is 12).</summary>
    public const int StalledDays = 10;

    /// <summary>Close-date moves before the date is worth questioning: one move is normal, two is a pattern.</summary>
    public const int MovedTimes = 2;

    /// <summary>Empty for a rep without CRM data, so a deal-aware intent is never chosen for them.</summary>
    public static IReadOnlyList<DealFact> From(RepPipeline? pipeline)
    {
        if (pipeline is null)
        {
            return [];
        }

        var facts = new List<DealFact>();
        Add(facts, DealSignal.StalledDeal, pipeline.Open.Where(d => d.DaysInStage >= StalledDays), d => d.DaysInStage!.Value);
        Add(facts, DealSignal.MovedCloseDate, pipeline.Open.Where(d => d.CloseDateMoves >= MovedTimes), d => d.DaysInStage ?? 0);
        Add(facts, DealSignal.QuietDeal, pipeline.Open.Where(d => d.DaysSinceActivity >= RepPipeline.QuietDays), d => d.DaysSinceActivity);
        return facts;
    }

    private static void Add(List<DealFact> facts, DealSignal signal, IEnumerable<OpenDeal> fitting, Func<OpenDeal, int> days)
    {
        if (fitting.OrderByDescending(d => d.Amount ?? 0).ThenByDescending(days).ThenBy(d => d.Id, StringComparer.Ordinal).FirstOrDefault() is { } deal)
        {
            facts.Add(new DealFact(signal, deal.Id, deal.Name, deal.Stage, days(deal), deal.CloseDateMoves));
        }
    }
}
