using CoachBot.Coaching.Nudges.Library;
using CoachBot.Coaching.Nudges.Linting;
using CoachBot.Coaching.Profiles;
using static CoachBot.Coaching.Tests.Nudges.TestNudges;

namespace CoachBot.Coaching.Tests.Nudges;

// The rules added for issue 15: stock phrases, cta openers, Amiable commitments, invented anecdotes, reading level, help.
public sealed class NudgeStyleRulesTests
{
    private static NudgeIntent[] Grid() => FullGrid(NudgeContentRules.MinimumIntentsPerCell);

    [Fact]
    public void APhraseInMoreThanATenthOfOneStylesRenderingsIsFlagged()
    {
        // 19 of 180 Amiable renderings end their cta with the same words: 10.6 %.
        var grid = Grid().Select((i, n) => n < 19 ? Edit(i, CommunicationStyle.Amiable, r => r with { Cta = r.Cta[..^1] + " when you're ready." }) : i);

        var findings = NudgeLinter.Lint(Library([.. grid])).Where(f => f.Rule == NudgeLinter.StockPhraseRule).ToList();

        Assert.Contains(findings, f => f.Message.StartsWith("\"when you're ready\" in 19/180", StringComparison.Ordinal) && f.Where.Contains("amiable"));
        Assert.All(findings, f => Assert.Contains("amiable", f.Where));
    }

    [Fact]
    public void APhraseInATenthOfRenderingsIsAllowed()
    {
        var grid = Grid().Select((i, n) => n < 18 ? Edit(i, CommunicationStyle.Amiable, r => r with { Cta = r.Cta[..^1] + " when you're ready." }) : i);

        Assert.DoesNotContain(NudgeLinter.Lint(Library([.. grid])), f => f.Rule == NudgeLinter.StockPhraseRule);
    }

    [Fact]
    public void StockPhrasesCountAPlaceholderAsOneWordAndIgnoreCaseAndPunctuation()
    {
        Assert.Equal(["hi {first_name} i", "{first_name} i hope"], StockPhrases.Runs("Hi {first_name}, I hope!"));
        Assert.Equal(["when you're ready"], StockPhrases.Runs("WHEN you’re ready."));
    }

    [Fact]
    public void CallsToActionThatOpenAlikeAreFlagged()
    {
        var grid = Grid().Select((i, n) => n < 40 ? Edit(i, CommunicationStyle.Expressive, r => r with { Cta = "Tell me " + r.Cta }) : i);

        var finding = Assert.Single(NudgeLinter.Lint(Library([.. grid])), f => f.Rule == NudgeLinter.CtaOpeners);

        Assert.Contains("\"tell me\" in 40/180", finding.Message);
    }

    [Theory]
    [InlineData("On two calls today, ask what the problem costs.", "Whenever it suits you, try asking about cost on a call.", "the deadline (\"today\") and the count (2)")]
    [InlineData("Before your next demo, confirm who will attend.", "Gently check who is coming.", "the deadline (\"Before your next demo\")")]
    [InlineData("Send 20 openers this week.", "Maybe send a few openers this week.", "the count (20)")]
    public void AnAmiableRenderingThatDropsTheCommitmentIsFlagged(string action, string amiable, string dropped)
    {
        var intent = Edit(Intent("soft") with { Action = action }, CommunicationStyle.Amiable, r => r with { Text = r.Text + " " + amiable });

        var finding = Assert.Single(Lint(intent, NudgeLinter.AmiableCommitment));

        Assert.Contains(dropped, finding.Message);
    }

    [Theory]
    [InlineData("On two calls today, ask what the problem costs.", "If it feels okay, try it on two calls before today is out.")]
    [InlineData("Before your next demo, confirm who will attend.", "Before your next demo, if you can, check who is coming.")]
    [InlineData("Send 20 openers this week.", "No rush within the day, but aim for 20 short openers by Friday.")]
    public void AnAmiableRenderingThatSoftensTheCommitmentPasses(string action, string amiable)
    {
        var intent = Edit(Intent("soft") with { Action = action }, CommunicationStyle.Amiable, r => r with { Text = r.Text + " " + amiable });

        Assert.Empty(Lint(intent, NudgeLinter.AmiableCommitment));
    }

    [Theory]
    [InlineData("A rep I coached spotted the gap in week two.")]
    [InlineData("I once watched a buyer go quiet.")]
    [InlineData("I've seen this work on renewals.")]
    [InlineData("In my experience, buyers stall here.")]
    public void InventedFirstPersonAnecdotesAreFlagged(string story)
    {
        var intent = Edit(Intent("story"), CommunicationStyle.Expressive, r => r with { Text = r.Text + " " + story });

        Assert.Single(Lint(intent, NudgeLinter.NoAnecdotes));
    }

    [Fact]
    public void AMethodInTheFirstPersonIsNoAnecdote()
    {
        var intent = Edit(Intent("method"), CommunicationStyle.Expressive, r => r with { Text = r.Text + " I suggest you open with the problem, and I'll check in tomorrow." });

        Assert.Empty(Lint(intent, NudgeLinter.NoAnecdotes));
    }

    [Fact]
    public void ReadabilityIsComputedFromSentencesWordsAndSyllables()
    {
        var plain = Readability.Of("Call them now. Ask one thing.");
        var dense = Readability.Of("Systematically document organisational dependencies, contractual obligations and implementation considerations before negotiating commercially.");

        Assert.Equal((6, 2), (plain.Words, plain.Sentences));
        Assert.True(plain.Grade < 2, $"plain grade {plain.Grade}");
        Assert.True(dense.Grade > 20, $"dense grade {dense.Grade}");
        Assert.Equal([1, 2, 3, 1], new[] { "call", "problem", "document", "{first_name}" }.Select(Readability.Syllables));
    }

    [Fact]
    public void ADriverRenderingAboveItsReadingLevelIsFlagged()
    {
        var intent = Edit(Intent("dense"), CommunicationStyle.Driver, r => r with { Text = "Systematically document organisational dependencies and implementation considerations." });

        var finding = Assert.Single(Lint(intent, NudgeLinter.ReadabilityRule), f => f.Where.Contains("dense", StringComparison.Ordinal));

        Assert.Contains("dense (driver)", finding.Where);
    }

    [Fact]
    public void TheSameDenseTextFitsAnAnalyticalRenderingBetter()
    {
        var (driver, analytical) = (NudgeContentRules.ReadabilityBand(CommunicationStyle.Driver), NudgeContentRules.ReadabilityBand(CommunicationStyle.Analytical));

        Assert.True(driver.MaxStyleGrade < analytical.MaxStyleGrade && driver.MaxWordsPerSentence < analytical.MaxWordsPerSentence);
    }

    [Fact]
    public void AnIntentWithoutHelpForAStyleIsFlagged()
    {
        var intent = Intent("helpless") with { Help = CommunicationStyles.All.Where(s => s != CommunicationStyle.Amiable).ToDictionary(s => s, s => Help("helpless", s)) };

        var finding = Assert.Single(Lint(intent, NudgeLinter.HelpRule));

        Assert.Contains("amiable", finding.Where);
    }

    [Fact]
    public void HelpThatRunsLongIsFlagged()
    {
        var help = new Dictionary<CommunicationStyle, NudgeHelp>(Intent("long").Help)
        {
            [CommunicationStyle.Driver] = new(string.Join(' ', Enumerable.Repeat("say.", 50)), "Buyer: no. You: why.", "Call."),
        };

        Assert.Single(Lint(Intent("long") with { Help = help }, NudgeLinter.HelpRule));
    }

    private static NudgeIntent Edit(NudgeIntent intent, CommunicationStyle style, Func<NudgeRendering, NudgeRendering> edit) =>
        intent with { Renderings = CommunicationStyles.All.ToDictionary(s => s, s => s == style ? edit(intent.Renderings[s]) : intent.Renderings[s]) };

    private static List<LintFinding> Lint(NudgeIntent intent, string rule) =>
        NudgeLinter.Lint(Library(intent)).Where(f => f.Rule == rule).ToList();
}
