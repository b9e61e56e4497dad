using CoachBot.Coaching.Nudges.Library;
using CoachBot.Coaching.Profiles;
using static CoachBot.Coaching.Nudges.Linting.NudgeContentRules;
using static CoachBot.Coaching.Nudges.Linting.NudgeLinter;

namespace CoachBot.Coaching.Nudges.Linting;

// Rules over all of one style's renderings: wording that recurs reads as a template, and each style has a reading level.
internal static class StyleRules
{
    public static void Check(NudgeLibrary library, List<LintFinding> findings)
    {
        foreach (var style in CommunicationStyles.All)
        {
            var at = $"all {style.Label()} renderings";
            foreach (var phrase in StockPhrases.Of(library, style).TakeWhile(p => p.Share > MaxStockPhraseShare))
            {
                findings.Add(new(StockPhraseRule, at, $"{phrase}; at most {MaxStockPhraseShare:P0} of a style's renderings may share a phrase"));
            }

            foreach (var opener in StockPhrases.CtaOpeners(library, style).TakeWhile(p => p.Share > MaxCtaOpenerShare))
            {
                findings.Add(new(CtaOpeners, at, $"calls to action opening {opener}; at most {MaxCtaOpenerShare:P0} may open alike"));
            }

            var score = library.Intents.Where(i => i.Renderings.ContainsKey(style))
                .Select(i => Readability.Of(i.Renderings[style].Text + "\n" + i.Renderings[style].Cta))
                .Aggregate(new Readability.Score(0, 0, 0), (a, b) => a + b);
            var (maxGrade, _, maxWordsPerSentence) = ReadabilityBand(style);
            if (score.Grade > maxGrade || score.WordsPerSentence > maxWordsPerSentence)
            {
                findings.Add(new(ReadabilityRule, at,
                    $"grade {score.Grade:0.0} with {score.WordsPerSentence:0.0} words per sentence; {style.Label()} stays within grade {maxGrade} and {maxWordsPerSentence} words per sentence"));
            }
        }
    }
}
