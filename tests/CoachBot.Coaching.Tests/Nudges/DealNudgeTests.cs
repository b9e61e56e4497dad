using CoachBot.Coaching.Chat;
using CoachBot.Coaching.Nudges.Deals;
using CoachBot.Coaching.Nudges.Library;
using CoachBot.Coaching.Nudges.Linting;
using CoachBot.Coaching.Nudges.Rendering;
using CoachBot.Coaching.Nudges.Selection;
using CoachBot.Coaching.Profiles;
using static CoachBot.Coaching.Tests.Nudges.TestNudges;

namespace CoachBot.Coaching.Tests.Nudges;

// Deal-aware nudges: the shipped wording per style with a rep's real deal in it, chosen only when the facts fit.
public sealed class DealNudgeTests
{
    private static readonly NudgeLibrary Shipped = NudgeLibrary.LoadEmbedded();
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);
    private static readonly NudgeValues Sam = new("Sam", null, DayOfWeek.Monday);

    [Theory]
    [InlineData(CommunicationStyle.Driver, "Acme has sat in Proposal for 12 days. Book the next step today, with a date.\n\nPick: (A) call the buyer, (B) send two time slots.")]
    [InlineData(CommunicationStyle.Expressive, "Sam, Acme has been parked in Proposal for 12 days, and it deserves its momentum back!")]
    [InlineData(CommunicationStyle.Amiable, "Sam, Acme has been resting in Proposal for 12 days.")]
    [InlineData(CommunicationStyle.Analytical, "Acme has been in Proposal for 12 days, based on the stage date in your CRM.")]
    public void StalledDealNudgeNamesTheDealItsStageAndDaysInEveryStyle(CommunicationStyle style, string expected)
    {
        var fact = new DealFact(DealSignal.StalledDeal, "d1", "Acme", "Proposal", 12, 0);

        var text = Seen(Render("deals-stalled-in-stage-book-next-step", style, fact));

        Assert.StartsWith(expected, text);
        Assert.DoesNotContain("{", text);
    }

    [Theory]
    [InlineData(CommunicationStyle.Driver, "Your close date for Globex moved twice.")]
    [InlineData(CommunicationStyle.Expressive, "Sam, the close date for Globex has moved twice already")]
    [InlineData(CommunicationStyle.Amiable, "Sam, the close date for Globex has moved twice, which is very common")]
    [InlineData(CommunicationStyle.Analytical, "The close date for Globex has changed twice since CoachBot first read it from your CRM.")]
    public void MovedCloseDateNudgeSaysHowOftenInEveryStyle(CommunicationStyle style, string expected)
    {
        var text = Seen(Render("deals-close-date-moved-test-the-date", style, new DealFact(DealSignal.MovedCloseDate, "d2", "Globex", "Negotiation", 0, 2)));

        Assert.StartsWith(expected, text);
    }

    [Theory]
    [InlineData(CommunicationStyle.Driver, "No activity on Initech for 19 days. Today: reach the buyer, or close it as lost.")]
    [InlineData(CommunicationStyle.Expressive, "Sam, Initech has gone quiet for 19 days")]
    [InlineData(CommunicationStyle.Amiable, "Sam, it has been 19 days since anything happened on Initech.")]
    [InlineData(CommunicationStyle.Analytical, "Initech shows no logged activity for 19 days.")]
    public void QuietDealNudgeSaysHowLongItHasBeenQuietInEveryStyle(CommunicationStyle style, string expected)
    {
        var text = Seen(Render("deals-quiet-deal-reach-out", style, new DealFact(DealSignal.QuietDeal, "d3", "Initech", "Discovery", 19, 0)));

        Assert.StartsWith(expected, text);
    }

    [Fact]
    public void DealAndStageNamesAreMarkedAsOutsideWordsSoRenderersEscapeThem()
    {
        var fact = new DealFact(DealSignal.StalledDeal, "d1", "<!channel> *Acme*\nCorp", "Proposal & Terms", 12, 0);

        var body = Render("deals-stalled-in-stage-book-next-step", CommunicationStyle.Driver, fact).Body;

        Assert.Contains(UserText.Of("<!channel> *Acme* Corp").ToString(), body);
        Assert.Contains(UserText.Of("Proposal & Terms").ToString(), body);
        Assert.StartsWith("<!channel> *Acme* Corp has sat in Proposal & Terms for 12 days.", new SectionBlock(body).Text);
    }

    [Fact]
    public void ShippedDealIntentsEachNeedASignalAndGenericIntentsNeedNone()
    {
        var deals = Shipped.Intents.Where(i => i.Needs is not null).ToList();

        Assert.Equal([DealSignal.StalledDeal, DealSignal.MovedCloseDate, DealSignal.QuietDeal], deals.Select(i => i.Needs!.Value));
        Assert.All(Shipped.Intents.Where(i => i.Needs is null), i => Assert.DoesNotContain("{deal}", string.Concat(i.Renderings.Values.Select(r => r.Text + r.Cta))));
    }

    [Fact]
    public void ARepWithNoCrmDataNeverGetsADealNudge()
    {
        var selector = new NudgeSelector(Shipped, TimeSpan.FromDays(30));

        var chosen = Enumerable.Range(0, 300).Select(seed => selector.Select(Request([FocusSkill.Closing, FocusSkill.Forecasting, FocusSkill.PipelineHygiene], (ulong)seed)).Intent);

        Assert.All(chosen, i => Assert.Null(i.Needs));
    }

    [Fact]
    public void AFittingDealNudgeLeadsItsSkillAndIsNotRepeatedInsideTheWindow()
    {
        var selector = new NudgeSelector(Shipped, TimeSpan.FromDays(30));
        var signals = new HashSet<DealSignal> { DealSignal.StalledDeal };

        var first = selector.Select(Request([FocusSkill.Closing], 7) with { DealSignals = signals });
        var history = new[] { new PastNudge(first.Intent.Id, FocusSkill.Closing, Now.AddDays(-3)) };
        var next = selector.Select(Request([FocusSkill.Closing], 8, history) with { DealSignals = signals });
        var otherSignal = selector.Select(Request([FocusSkill.Closing], 9) with { DealSignals = new HashSet<DealSignal> { DealSignal.QuietDeal } });

        Assert.Equal("deals-stalled-in-stage-book-next-step", first.Intent.Id);
        Assert.Equal(NudgeFit.Exact, first.Fit);
        Assert.Null(next.Intent.Needs);
        Assert.Equal(FocusSkill.Closing, next.Intent.Skill);
        Assert.Null(otherSignal.Intent.Needs);
    }

    [Fact]
    public void SkillRotationStillHoldsWithDealFacts()
    {
        var selector = new NudgeSelector(Shipped, TimeSpan.FromDays(30));
        var history = new[] { new PastNudge("closing-any", FocusSkill.Closing, Now.AddDays(-1)) };

        var chosen = selector.Select(Request([FocusSkill.Closing, FocusSkill.Discovery], 3, history) with { DealSignals = new HashSet<DealSignal> { DealSignal.StalledDeal } });

        Assert.Equal(FocusSkill.Discovery, chosen.Intent.Skill);
    }

    [Fact]
    public void LinterRequiresADealIntentToNameItsDealAndKeepsDealPlaceholdersOutOfGenericIntents()
    {
        var generic = Intent("generic-1", edit: (s, r) => s == CommunicationStyle.Driver ? r with { Text = r.Text + " {deal} waits." } : r);
        var nameless = Intent("deal-1") with { Needs = DealSignal.QuietDeal };

        var findings = NudgeLinter.Lint(Library([.. FullGrid(3), generic, nameless]));

        Assert.Contains(findings, f => f.Rule == NudgeLinter.KnownPlaceholders && f.Where.Contains("generic-1") && f.Message.Contains("{deal}"));
        Assert.Equal(4, findings.Count(f => f.Rule == NudgeLinter.DealFactsRule && f.Where.Contains("deal-1")));
    }

    private static RenderedNudge Render(string id, CommunicationStyle style, DealFact fact) =>
        NudgeRenderer.Render(Shipped.Find(id)!, style, Sam with { Deal = fact });

    // What a reader sees: the text with the outside-words marks removed (each renderer escapes inside them).
    private static string Seen(RenderedNudge nudge) => new SectionBlock(nudge.Text).Text;

    private static NudgeSelectionRequest Request(IReadOnlyList<FocusSkill> focus, ulong seed, IReadOnlyList<PastNudge>? history = null) =>
        new(focus, Race.Middle, ExperienceLevel.Newer, history ?? [], Now, seed);
}
