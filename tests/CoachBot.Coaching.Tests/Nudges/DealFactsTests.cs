using CoachBot.Coaching.Crm;
using CoachBot.Coaching.Crm.Pipeline;
using CoachBot.Coaching.Nudges.Deals;

namespace CoachBot.Coaching.Tests.Nudges;

public sealed class DealFactsTests
{
    private static readonly DateOnly Today = new(2026, 3, 2);

    [Fact]
    public void NoPipelineMeansNoFacts()
    {
        Assert.Empty(DealFacts.From(null));
        Assert.Empty(DealFacts.From(Pipeline()));
    }

    [Fact]
    public void EachSignalNeedsItsThreshold()
    {
        var under = Pipeline(Deal("a", daysInStage: DealFacts.StalledDays - 1, moves: DealFacts.MovedTimes - 1, quiet: RepPipeline.QuietDays - 1));
        var at = Pipeline(Deal("b", daysInStage: DealFacts.StalledDays, moves: DealFacts.MovedTimes, quiet: RepPipeline.QuietDays));

        Assert.Empty(DealFacts.From(under));
        Assert.Equal([DealSignal.StalledDeal, DealSignal.MovedCloseDate, DealSignal.QuietDeal], DealFacts.From(at).Select(f => f.Signal));
    }

    [Fact]
    public void AnUnknownStageDateIsNeverCalledStalled()
    {
        Assert.Empty(DealFacts.From(Pipeline(Deal("a", daysInStage: null))));
    }

    [Fact]
    public void TheBiggestFittingDealIsTheOneNamed()
    {
        var facts = DealFacts.From(Pipeline(Deal("small", amount: 1_000, daysInStage: 40), Deal("big", amount: 90_000, daysInStage: 12)));

        var stalled = Assert.Single(facts);
        Assert.Equal(("big", "Deal big", "Proposal", 12), (stalled.DealId, stalled.DealName, stalled.Stage, stalled.Days));
    }

    private static RepPipeline Pipeline(params OpenDeal[] open) => new(open, [], new Dictionary<CrmActivityKind, int>(), Today);

    private static OpenDeal Deal(string id, decimal amount = 10_000, int? daysInStage = 1, int moves = 0, int quiet = 1) =>
        new(id, $"Deal {id}", amount, "USD", "Proposal", daysInStage, Today.AddDays(20), moves, quiet, DateTimeOffset.UnixEpoch);
}
