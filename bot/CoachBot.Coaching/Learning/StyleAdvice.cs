using CoachBot.Coaching.Profiles;
using MathNet.Numerics.Distributions;

namespace CoachBot.Coaching.Learning;

/// <summary>A style that this rep answers clearly better than their declared one, for the manager's brief to suggest.</summary>
public sealed record StyleSuggestion(StyleTally Current, StyleTally Better, double Probability);

/// <summary>
/// When the evidence is strong, names a better style. Strong means enough nudges in both styles and a posterior
/// probability of at least <see cref="Threshold"/> that the other style works better (Beta posteriors from uniform priors,
/// estimated with a fixed seed so the same history always gives the same brief).
/// </summary>
public static class StyleAdvice
{
    public const double Threshold = 0.9;

    public const int MinimumCurrent = 5;

    public const int MinimumBetter = 4;

    private const int Draws = 4000;

    public static StyleSuggestion? Suggest(CommunicationStyle? declared, StyleEvidence evidence)
    {
        if (declared is not { } current || evidence[current].Decided < MinimumCurrent)
        {
            return null;
        }

        var mine = evidence[current];
        StyleSuggestion? strongest = null;
        foreach (var other in evidence.Tallies.Where(t => t.Style != current && t.Decided >= MinimumBetter))
        {
            var probability = ProbabilityBetter(other, mine);
            if (probability >= Threshold && (strongest is null || probability > strongest.Probability))
            {
                strongest = new StyleSuggestion(mine, other, probability);
            }
        }

        return strongest;
    }

    /// <summary>P(rate of <paramref name="a"/> &gt; rate of <paramref name="b"/>) under Beta(1 + worked, 1 + failed) posteriors.</summary>
    public static double ProbabilityBetter(StyleTally a, StyleTally b)
    {
        var random = new Random(20261203);
        var wins = 0;
        for (var i = 0; i < Draws; i++)
        {
            if (Beta.Sample(random, 1 + a.Worked, 1 + a.Failed) > Beta.Sample(random, 1 + b.Worked, 1 + b.Failed))
            {
                wins++;
            }
        }

        return (double)wins / Draws;
    }
}
