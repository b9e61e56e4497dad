using CoachBot.Coaching.Learning;
using CoachBot.Coaching.Nudges.History;
using CoachBot.Coaching.Profiles;

namespace CoachBot.LearningSim;

/// <summary>One rep's 12 weeks under one policy, through the product's own StyleLearner, StyleEvidence and StyleAdvice.</summary>
internal static class Simulation
{
    public const int Weeks = 12;

    public const int NudgesPerWeek = 5;

    private static readonly DateTimeOffset Start = new(2027, 1, 4, 9, 0, 0, TimeSpan.Zero);

    public sealed record Outcome(double Regret, int Worked, int Sent, int? ConvergedWeek, int Trials);

    public static Outcome Run(SyntheticRep rep, Policy policy, int seed)
    {
        // The same seed for every policy: a rep meets the same luck whatever CoachBot does.
        var luck = new Random(seed);
        var history = new List<NudgeRecord>();
        var declared = rep.Declared;
        int? converged = declared == rep.Best ? 0 : null;
        double regret = 0;
        var worked = 0;
        var trials = 0;
        for (var week = 0; week < Weeks; week++)
        {
            for (var day = 0; day < NudgesPerWeek; day++)
            {
                var sentAt = Start.AddDays(week * 7 + day);
                var decision = policy switch
                {
                    Policy.FixedStyle => new StyleDecision(declared, StyleReason.Declared),
                    Policy.Oracle => new StyleDecision(rep.Best, StyleReason.Declared),
                    _ => StyleLearner.Decide(declared, "quiz", StyleEvidence.From(history, sentAt),
                        history.Select(h => h.Reason ?? StyleReason.Declared).ToList(),
                        (ulong)(seed * 1_000_003L + week * 7 + day), CommunicationStyle.Amiable),
                };
                trials += decision.Reason == StyleReason.Explored ? 1 : 0;
                var chance = rep.Chance[decision.Style];
                regret += rep.Chance[rep.Best] - chance;
                var acted = luck.NextDouble() < chance;
                worked += acted ? 1 : 0;
                history.Insert(0, acted
                    ? new NudgeRecord(rep.Id, Guid.NewGuid(), "sim", 1, decision.Style, false, FocusSkill.Closing, sentAt, sentAt.AddMinutes(40), NudgeResponse.Done, Reason: decision.Reason)
                    : new NudgeRecord(rep.Id, Guid.NewGuid(), "sim", 1, decision.Style, false, FocusSkill.Closing, sentAt, Reason: decision.Reason));
            }

            if (policy == Policy.LearnerWithBriefSuggestion
                && StyleAdvice.Suggest(declared, StyleEvidence.From(history, Start.AddDays(week * 7 + 6))) is { } suggestion)
            {
                declared = suggestion.Better.Style;
                converged ??= declared == rep.Best ? week + 1 : null;
            }
        }

        return new Outcome(regret, worked, Weeks * NudgesPerWeek, policy == Policy.LearnerWithBriefSuggestion && declared == rep.Best ? converged : null, trials);
    }
}
