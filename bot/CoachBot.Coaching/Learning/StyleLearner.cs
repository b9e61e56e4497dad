using CoachBot.Coaching.Profiles;
using MathNet.Numerics.Distributions;

namespace CoachBot.Coaching.Learning;

/// <summary>
/// Picks the wording style for a rep's next nudge by Thompson sampling over what this rep has answered, bounded so the
/// rep's declared style stays the rule: at most one nudge in <see cref="ExplorationWindow"/> tries another style, none
/// before <see cref="WarmUp"/> answered-or-missed nudges in the declared style, and never any when the rep chose the
/// style themselves. It never changes the profile: a better style is only ever suggested (see <see cref="StyleAdvice"/>).
/// </summary>
public static class StyleLearner
{
    public const int ExplorationWindow = 5;

    public const int WarmUp = 5;

    /// <summary>
    /// Pseudo-successes for the declared style. The quiz answer is evidence too, so one lucky trial of another style does
    /// not outweigh it, while a run of real answers still does.
    /// </summary>
    public const int DeclaredPrior = 2;

    /// <summary>
    /// How much better another style's draw must be before it is tried. Without it, the few trials each other style has
    /// leave its posterior so wide that a rep whose declared style is right keeps paying for trials; the simulation
    /// benchmark (tests/Benchmarks/CoachBot.LearningSim) chose 0.15: it cut those trials by a third for the same gain.
    /// </summary>
    public const double Margin = 0.15;

    /// <summary>
    /// Decides the style. <paramref name="recentReasonsNewestFirst"/> are the reasons stored with the rep's latest nudges;
    /// <paramref name="seed"/> comes from the delivery, so a retried delivery decides the same way.
    /// </summary>
    public static StyleDecision Decide(
        CommunicationStyle? declared,
        string styleSource,
        StyleEvidence evidence,
        IReadOnlyList<StyleReason> recentReasonsNewestFirst,
        ulong seed,
        CommunicationStyle fallback)
    {
        var home = declared ?? fallback;
        var homeDecision = new StyleDecision(home, declared is null ? StyleReason.Assumed : StyleReason.Declared);
        if (declared is not null && styleSource == "self")
        {
            return new StyleDecision(home, StyleReason.Chosen);
        }

        if (evidence[home].Decided < WarmUp || recentReasonsNewestFirst.Take(ExplorationWindow - 1).Contains(StyleReason.Explored))
        {
            return homeDecision;
        }

        var random = new Random(unchecked((int)(seed ^ (seed >> 32))));
        var best = home;
        var bestDraw = Beta.Sample(random, 1 + evidence[home].Worked + DeclaredPrior, 1 + evidence[home].Failed) + Margin;
        foreach (var tally in evidence.Tallies.Where(t => t.Style != home))
        {
            var draw = Beta.Sample(random, 1 + tally.Worked, 1 + tally.Failed);
            if (draw > bestDraw)
            {
                (best, bestDraw) = (tally.Style, draw);
            }
        }

        return best == home ? homeDecision : new StyleDecision(best, StyleReason.Explored);
    }
}
