using CoachBot.Coaching.Nudges.Library;
using CoachBot.Coaching.Nudges.Linting;

namespace CoachBot.Coaching.Tests.Nudges;

// The content linter: the shipped library must pass every rule. Run alone with
// dotnet test tests/CoachBot.Coaching.Tests --filter "FullyQualifiedName~NudgeContentLinter"
public sealed class NudgeContentLinterTests
{
    private static readonly Lazy<IReadOnlyList<LintFinding>> Findings = new(() => NudgeLinter.Lint(NudgeLibrary.LoadEmbedded()));

    [Theory]
    [InlineData(NudgeLinter.RendersEveryStyle)]
    [InlineData(NudgeLinter.WordBudgetRule)]
    [InlineData(NudgeLinter.OneCallToAction)]
    [InlineData(NudgeLinter.NoTeamPlayerFraming)]
    [InlineData(NudgeLinter.StyleTone)]
    [InlineData(NudgeLinter.KnownPlaceholders)]
    [InlineData(NudgeLinter.UniqueIds)]
    [InlineData(NudgeLinter.NoDuplicateRenderings)]
    [InlineData(NudgeLinter.ActionAndWhy)]
    [InlineData(NudgeLinter.Coverage)]
    [InlineData(NudgeLinter.FollowUps)]
    [InlineData(NudgeLinter.StockPhraseRule)]
    [InlineData(NudgeLinter.CtaOpeners)]
    [InlineData(NudgeLinter.AmiableCommitment)]
    [InlineData(NudgeLinter.NoAnecdotes)]
    [InlineData(NudgeLinter.ReadabilityRule)]
    [InlineData(NudgeLinter.HelpRule)]
    [InlineData(NudgeLinter.DealFactsRule)]
    public void ShippedLibraryPassesRule(string rule)
    {
        var broken = Findings.Value.Where(f => f.Rule == rule).Select(f => f.ToString()).ToList();

        Assert.True(broken.Count == 0, string.Join(Environment.NewLine, broken));
    }

    [Fact]
    public void ShippedLibraryBreaksNoRuleAtAll()
    {
        Assert.Empty(Findings.Value);
    }
}
