using CoachBot.Coaching.Nudges.Library;
using CoachBot.Coaching.Profiles;
using static CoachBot.Coaching.Nudges.Linting.NudgeContentRules;
using static CoachBot.Coaching.Nudges.Linting.NudgeLinter;

namespace CoachBot.Coaching.Nudges.Linting;

// "Need help" content: every style gets a talk track and a first step, the intent one example; short, and as plain as
// the style's nudges.
internal static class HelpRules
{
    public static void Check(NudgeIntent intent, string where, List<LintFinding> findings)
    {
        foreach (var style in CommunicationStyles.All)
        {
            var at = $"{where} help ({style.Label()})";
            if (!intent.Help.TryGetValue(style, out var help) || help.TalkTrack.Length == 0 || help.Example.Length == 0 || help.FirstStep.Length == 0)
            {
                findings.Add(new(HelpRule, at, "needs a talk_track and a first_step for every style, and one example"));
                continue;
            }

            Budget(help.TalkTrack, MaxTalkTrackWords, "talk_track", at, findings);
            Budget(help.Example, MaxExampleWords, "example", at, findings);
            Budget(help.FirstStep, MaxFirstStepWords, "first_step", at, findings);
            foreach (var phrase in ToneBreakers(style).Where(p => Contains(help.Text, p)))
            {
                findings.Add(new(StyleTone, at, $"\"{phrase}\" does not fit {style.Label()}"));
            }

            var grade = Readability.Of(help.Text).Grade;
            if (grade > ReadabilityBand(style).MaxRenderingGrade)
            {
                findings.Add(new(ReadabilityRule, at, $"grade {grade:0.0}; {style.Label()} help stays at or below {ReadabilityBand(style).MaxRenderingGrade}"));
            }

            // Help is shown as written (the rep fills [slots] like [problem] themselves), so it has no placeholders.
            CheckWords(help.Text, new HashSet<string>(), at, findings);
        }
    }

    private static void Budget(string text, int max, string field, string at, List<LintFinding> findings)
    {
        if (CountWords(text) > max)
        {
            findings.Add(new(HelpRule, at, $"{field} has {CountWords(text)} words; at most {max}"));
        }
    }
}
