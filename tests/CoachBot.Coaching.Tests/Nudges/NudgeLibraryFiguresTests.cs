using CoachBot.Coaching.Nudges.Library;
using CoachBot.Coaching.Nudges.Linting;
using CoachBot.Coaching.Profiles;
using Xunit.Abstractions;

namespace CoachBot.Coaching.Tests.Nudges;

// Prints the shipped library's figures (size, the widest stock phrase and cta opener, reading level per style), so the
// numbers in a pull request come from the linter's own counting.
public sealed class NudgeLibraryFiguresTests(ITestOutputHelper output)
{
    [Fact]
    public void PrintsTheFiguresTheLinterChecks()
    {
        var library = NudgeLibrary.LoadEmbedded();

        output.WriteLine($"{library.Intents.Count} intents, {library.Intents.Sum(i => i.Renderings.Count)} renderings, {library.Intents.Sum(i => i.Help.Count)} help texts");
        foreach (var style in CommunicationStyles.All)
        {
            var phrases = StockPhrases.Of(library, style);
            var openers = StockPhrases.CtaOpeners(library, style);
            var score = library.Intents.Select(i => Readability.Of(i.Renderings[style].Text + "\n" + i.Renderings[style].Cta)).Aggregate((a, b) => a + b);
            output.WriteLine($"{style.Label()}: widest phrase {string.Join(", ", phrases.Take(3))}; cta opener {openers[0]}; " +
                $"grade {score.Grade:0.0}, {score.WordsPerSentence:0.0} words/sentence");
        }

        foreach (var finding in NudgeLinter.Lint(library))
        {
            output.WriteLine(finding.ToString());
        }

        Assert.NotEmpty(library.Intents);
    }
}
