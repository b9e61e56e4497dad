using CoachBot.Coaching.Nudges.Library;
using CoachBot.Coaching.Nudges.Rendering;
using CoachBot.Coaching.Profiles;
using static CoachBot.Coaching.Nudges.Linting.NudgeContentRules;

namespace CoachBot.Coaching.Nudges.Linting;

/// <summary>Checks the writing in a loaded library. Run by the content tests; an empty result means the library ships.</summary>
public static class NudgeLinter
{
    public const string RendersEveryStyle = "renders-every-style";
    public const string WordBudgetRule = "word-budget";
    public const string OneCallToAction = "one-call-to-action";
    public const string NoTeamPlayerFraming = "no-team-player-framing";
    public const string StyleTone = "style-tone";
    public const string KnownPlaceholders = "known-placeholders";
    public const string UniqueIds = "unique-ids";
    public const string NoDuplicateRenderings = "no-duplicate-renderings";
    public const string ActionAndWhy = "action-and-why";
    public const string Coverage = "coverage";
    public const string FollowUps = "follow-ups";
    public const string StockPhraseRule = "stock-phrases";
    public const string CtaOpeners = "cta-openers";
    public const string AmiableCommitment = "amiable-keeps-commitment";
    public const string NoAnecdotes = "no-invented-anecdotes";
    public const string ReadabilityRule = "readability";
    public const string HelpRule = "help";
    public const string DealFactsRule = "deal-facts";

    public static IReadOnlyList<LintFinding> Lint(NudgeLibrary library)
    {
        var findings = new List<LintFinding>();
        foreach (var intent in library.Intents)
        {
            IntentRules.Check(intent, findings);
        }

        LibraryRules.Check(library, findings);
        StyleRules.Check(library, findings);
        return findings;
    }

    private static class IntentRules
    {
        public static void Check(NudgeIntent intent, List<LintFinding> findings)
        {
            var where = $"{intent.SourceFile} {intent.Id}";
            CheckActionAndWhy(intent, where, findings);
            HelpRules.Check(intent, where, findings);
            foreach (var style in CommunicationStyles.All)
            {
                var at = $"{where} ({style.Label()})";
                if (!intent.Renderings.TryGetValue(style, out var r) || r.Text.Length == 0 || r.Cta.Length == 0)
                {
                    findings.Add(new(RendersEveryStyle, at, "needs non-empty text and cta"));
                    continue;
                }

                CheckRendering(style, r, intent.Needs is null ? NudgePlaceholders.ForRenderings : NudgePlaceholders.ForDealRenderings, at, findings);
                // A deal-aware nudge names the deal, or the rep cannot tell which one it means.
                if (intent.Needs is not null && !(r.Text + r.Cta).Contains("{deal}", StringComparison.Ordinal))
                {
                    findings.Add(new(DealFactsRule, at, "a deal-aware intent (with needs:) names its deal with {deal}"));
                }

                if (style == CommunicationStyle.Amiable && Commitments.Dropped(intent.Action, r.Text + " " + r.Cta) is { Count: > 0 } dropped)
                {
                    findings.Add(new(AmiableCommitment, at, $"keeps {string.Join(" and ", dropped)} of the action, softened but not dropped"));
                }
            }
        }

        private static void CheckRendering(CommunicationStyle style, NudgeRendering r, IReadOnlySet<string> placeholders, string at, List<LintFinding> findings)
        {
            var words = CountWords(r.Text) + CountWords(r.Cta);
            var (min, max) = WordBudget(style);
            if (words < min || words > max)
            {
                findings.Add(new(WordBudgetRule, at, $"{words} words; {style.Label()} needs {min}–{max}"));
            }

            if (!IsOneSentence(r.Cta))
            {
                findings.Add(new(OneCallToAction, at, $"cta must be one sentence ending in . ? or !: \"{r.Cta}\""));
            }

            if (AsksQuestion(r.Text))
            {
                findings.Add(new(OneCallToAction, at, "text asks a question; the only ask belongs in cta"));
            }

            if (style == CommunicationStyle.Driver && CountOptions(r.Cta) is < 2 or > 3)
            {
                findings.Add(new(OneCallToAction, at, "Driver cta offers 2–3 options labelled (A), (B), (C)"));
            }

            foreach (var phrase in ToneBreakers(style).Where(p => Contains(r.Text, p) || Contains(r.Cta, p)))
            {
                findings.Add(new(StyleTone, at, $"\"{phrase}\" does not fit {style.Label()}"));
            }

            CheckWords(r.Text + "\n" + r.Cta, placeholders, at, findings);
            var grade = Readability.Of(r.Text + "\n" + r.Cta).Grade;
            if (grade > ReadabilityBand(style).MaxRenderingGrade)
            {
                findings.Add(new(ReadabilityRule, at, $"grade {grade:0.0}; {style.Label()} renderings stay at or below {ReadabilityBand(style).MaxRenderingGrade}"));
            }
        }

        private static void CheckActionAndWhy(NudgeIntent intent, string where, List<LintFinding> findings)
        {
            if (CountWords(intent.Action) is 0 or > MaxActionWords || !IsOneSentence(intent.Action) || AsksQuestion(intent.Action))
            {
                findings.Add(new(ActionAndWhy, where, $"action must be one imperative sentence of at most {MaxActionWords} words"));
            }

            if (CountWords(intent.Why) is 0 or > MaxWhyWords)
            {
                findings.Add(new(ActionAndWhy, where, $"why must be 1–{MaxWhyWords} words"));
            }

            // Follow-ups insert the action and why, so they must not carry placeholders of their own.
            CheckWords(intent.Action + "\n" + intent.Why, new HashSet<string>(), where + " (action/why)", findings);
        }
    }

    internal static void CheckWords(string text, IReadOnlySet<string> allowed, string at, List<LintFinding> findings)
    {
        foreach (var name in NudgePlaceholders.Find(text).Where(n => !allowed.Contains(n)).Distinct())
        {
            findings.Add(new(KnownPlaceholders, at, $"unknown placeholder {{{name}}}; allowed: {string.Join(", ", allowed.Select(a => $"{{{a}}}"))}"));
        }

        if (NudgePlaceholders.HasStrayBraces(text))
        {
            findings.Add(new(KnownPlaceholders, at, "stray or malformed braces; placeholders look like {first_name}"));
        }

        foreach (var phrase in BannedPhrases.Where(p => Contains(text, p)))
        {
            findings.Add(new(NoTeamPlayerFraming, at, $"\"{phrase}\": coach the individual, not the team"));
        }

        if (Anecdotes.Find(text) is { } story)
        {
            findings.Add(new(NoAnecdotes, at, $"\"{story}\" tells an invented first-person story; give the method instead"));
        }
    }
}
