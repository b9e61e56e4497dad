using CoachBot.Coaching.Nudges.Library;
using CoachBot.Coaching.Nudges.Linting;
using CoachBot.Coaching.Profiles;
using static CoachBot.Coaching.Tests.Nudges.TestNudges;

namespace CoachBot.Coaching.Tests.Nudges;

// Each rule catches what it should: a linter that cannot fail would let bad content ship.
public sealed class NudgeLinterTests
{
    [Fact]
    public void AFullValidGridHasNoFindings()
    {
        var findings = NudgeLinter.Lint(Library(FullGrid(NudgeContentRules.MinimumIntentsPerCell)));

        Assert.Empty(findings);
    }

    [Theory]
    [InlineData(CommunicationStyle.Driver, 41)]
    [InlineData(CommunicationStyle.Expressive, 30)]
    [InlineData(CommunicationStyle.Amiable, 95)]
    [InlineData(CommunicationStyle.Analytical, 160)]
    public void RenderingOutsideItsStyleBudgetIsFlagged(CommunicationStyle style, int words)
    {
        var text = string.Join(' ', Enumerable.Repeat("word", words - 2)) + ".";
        var intent = Intent("too-long", edit: (s, r) => s == style ? new NudgeRendering(text, style == CommunicationStyle.Driver ? "Pick: (A) one, (B) two." : "Try it.") : r);

        Assert.Contains(Lint(intent, NudgeLinter.WordBudgetRule), f => f.Where.Contains(style.Label()));
    }

    [Theory]
    [InlineData("Do this. Then tell me.")]
    [InlineData("Tell me how it went")]
    public void CallToActionMustBeExactlyOneSentence(string cta)
    {
        var intent = Intent("two-asks", edit: (s, r) => s == CommunicationStyle.Expressive ? r with { Cta = cta } : r);

        Assert.Single(Lint(intent, NudgeLinter.OneCallToAction));
    }

    [Fact]
    public void QuestionInTheBodyIsASecondCallToAction()
    {
        var intent = Intent("asks-twice", edit: (s, r) => s == CommunicationStyle.Amiable ? r with { Text = r.Text + " Can you manage two?" } : r);

        Assert.Single(Lint(intent, NudgeLinter.OneCallToAction));
    }

    [Fact]
    public void QuestionQuotedForTheRepToAskIsNotAnAsk()
    {
        var intent = Intent("quoted", edit: (s, r) => s == CommunicationStyle.Analytical ? r with { Text = r.Text + " Ask: \"What happens if you do nothing?\"" } : r);

        Assert.Empty(Lint(intent, NudgeLinter.OneCallToAction));
    }

    [Fact]
    public void DriverCallToActionMustOfferTwoOrThreeOptions()
    {
        var intent = Intent("no-options", edit: (s, r) => s == CommunicationStyle.Driver ? r with { Cta = "Do it today." } : r);

        Assert.Single(Lint(intent, NudgeLinter.OneCallToAction));
    }

    [Theory]
    [InlineData("Be a team player and book the calls.")]
    [InlineData("Climb the leaderboard this week.")]
    [InlineData("Do it for the team.")]
    public void TeamPlayerFramingIsFlagged(string sentence)
    {
        var intent = Intent("team", edit: (s, r) => s == CommunicationStyle.Expressive ? r with { Text = r.Text + " " + sentence } : r);

        Assert.Single(Lint(intent, NudgeLinter.NoTeamPlayerFraming));
    }

    [Theory]
    [InlineData(CommunicationStyle.Amiable, " Please do it ASAP.")]
    [InlineData(CommunicationStyle.Analytical, " This is amazing.")]
    [InlineData(CommunicationStyle.Driver, " Hope you are well.")]
    public void WordsThatBreakAStylesToneAreFlagged(CommunicationStyle style, string sentence)
    {
        var intent = Intent("tone", edit: (s, r) => s == style ? r with { Text = r.Text + sentence } : r);

        Assert.Single(Lint(intent, NudgeLinter.StyleTone));
    }

    [Theory]
    [InlineData("Ask {manager} first.")]
    [InlineData("Hi {first name}.")]
    [InlineData("Stray } brace.")]
    public void OnlyKnownWellFormedPlaceholdersAreAllowed(string sentence)
    {
        var intent = Intent("placeholders", edit: (s, r) => s == CommunicationStyle.Analytical ? r with { Text = r.Text + " " + sentence } : r);

        Assert.Single(Lint(intent, NudgeLinter.KnownPlaceholders));
    }

    [Fact]
    public void DuplicateIdsAreFlagged()
    {
        var findings = NudgeLinter.Lint(Library(Intent("same"), Intent("same", FocusSkill.Demo))).Where(f => f.Rule == NudgeLinter.UniqueIds);

        Assert.Single(findings);
    }

    [Fact]
    public void IdenticalWordingInTwoIntentsIsFlagged()
    {
        var copied = Intent("second", edit: (s, r) => s == CommunicationStyle.Driver ? Rendering("first", s) : r);

        var findings = NudgeLinter.Lint(Library(Intent("first"), copied)).Where(f => f.Rule == NudgeLinter.NoDuplicateRenderings);

        Assert.Single(findings);
    }

    [Fact]
    public void MissingOrEmptyRenderingIsFlagged()
    {
        var intent = Intent("empty", edit: (s, r) => s == CommunicationStyle.Analytical ? new NudgeRendering("", "") : r);

        Assert.Single(Lint(intent, NudgeLinter.RendersEveryStyle));
    }

    [Fact]
    public void ActionMustBeOneShortSentence()
    {
        var intent = Intent("action") with { Action = "Call them. Then email them." };

        Assert.Single(Lint(intent, NudgeLinter.ActionAndWhy));
    }

    [Fact]
    public void MissingSkillRaceLevelCellsAreListed()
    {
        var grid = FullGrid(3).Where(i => !(i.Skill == FocusSkill.Forecasting && i.Races.Contains(Race.Distance) && i.Levels.Contains(ExperienceLevel.Experienced) && i.Id.EndsWith("-3", StringComparison.Ordinal)));

        var findings = NudgeLinter.Lint(Library([.. grid])).Where(f => f.Rule == NudgeLinter.Coverage).ToList();

        // 179 intents: the cell left with two is named, and the library is one short of the minimum.
        Assert.Equal(["forecasting × distance × experienced", "library"], findings.Select(f => f.Where).Order());
        Assert.Contains("2 intents; at least 3 needed", findings[0].Message + findings[1].Message);
    }

    [Fact]
    public void FollowUpWithoutTheActionIsFlagged()
    {
        var followUps = new Dictionary<CommunicationStyle, string>(FollowUps) { [CommunicationStyle.Driver] = "Still open, {first_name}." };

        var findings = NudgeLinter.Lint(new NudgeLibrary(1, FullGrid(), followUps)).Where(f => f.Rule == NudgeLinter.FollowUps);

        Assert.Single(findings);
    }

    private static List<LintFinding> Lint(NudgeIntent intent, string rule) =>
        NudgeLinter.Lint(Library(intent)).Where(f => f.Rule == rule).ToList();
}
