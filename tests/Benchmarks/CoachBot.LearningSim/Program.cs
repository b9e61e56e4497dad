using System.Diagnostics;
using System.Globalization;
using CoachBot.LearningSim;

// Synthetic reps with hidden style preferences, 12 weeks of one nudge a working day, under each policy. Prints a Markdown
// table: regret (expected nudges lost against always using the rep's true best style), answer rate, and how many weeks
// the brief's suggestion took to land the rep on their best style.
var reps = Arg("reps", 2000);
var quizAccuracy = Arg("quizAccuracy", 60) / 100.0;
var seed = Arg("seed", 15);
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;

var random = new Random(seed);
var population = Enumerable.Range(0, reps).Select(i => SyntheticRep.Draw(i, random, quizAccuracy)).ToList();
var clock = Stopwatch.StartNew();
var results = Enum.GetValues<Policy>().ToDictionary(p => p, p => population.Select(r => (Rep: r, Outcome: Simulation.Run(r, p, seed * 100_000 + r.Id))).ToList());

Console.WriteLine($"{reps} reps, quiz right for {quizAccuracy:P0} ({population.Count(r => !r.Mismatched)} matched, {population.Count(r => r.Mismatched)} mismatched), "
    + $"{Simulation.Weeks} weeks x {Simulation.NudgesPerWeek} nudges, seed {seed}; simulated in {clock.Elapsed.TotalSeconds:F1} s");
Console.WriteLine();
Console.WriteLine("| Policy | Regret per rep, all | matched reps | mismatched reps | Answered | Trials per rep |");
Console.WriteLine("|---|---|---|---|---|---|");
foreach (var (policy, outcomes) in results)
{
    double Mean(Func<SyntheticRep, bool> which) => outcomes.Where(o => which(o.Rep)).Select(o => o.Outcome.Regret).DefaultIfEmpty().Average();
    Console.WriteLine($"| {policy} | {Mean(_ => true):F2} | {Mean(r => !r.Mismatched):F2} | {Mean(r => r.Mismatched):F2} | "
        + $"{outcomes.Sum(o => o.Outcome.Worked) / (double)outcomes.Sum(o => o.Outcome.Sent):P1} | {outcomes.Average(o => o.Outcome.Trials):F1} |");
}

var mismatched = results[Policy.LearnerWithBriefSuggestion].Where(o => o.Rep.Mismatched).ToList();
var weeks = mismatched.Where(o => o.Outcome.ConvergedWeek is not null).Select(o => o.Outcome.ConvergedWeek!.Value).Order().ToList();
var wrongSwitch = results[Policy.LearnerWithBriefSuggestion].Count(o => !o.Rep.Mismatched && o.Outcome.ConvergedWeek is null);
Console.WriteLine();
Console.WriteLine($"Mismatched reps on their best style by week 12 (brief suggestion taken up): {weeks.Count} of {mismatched.Count} ({weeks.Count / (double)Math.Max(1, mismatched.Count):P0}); "
    + $"weeks to converge: median {Percentile(weeks, 0.5)}, p90 {Percentile(weeks, 0.9)}. Matched reps talked off their best style: {wrongSwitch}.");
for (var w = 2; w <= Simulation.Weeks; w += 2)
{
    Console.Write($"{(w == 2 ? "Converged by week" : ",")} {w}: {weeks.Count(x => x <= w) / (double)Math.Max(1, mismatched.Count):P0}");
}

Console.WriteLine();

static string Percentile(List<int> sorted, double p) => sorted.Count == 0 ? "n/a" : sorted[(int)Math.Min(sorted.Count - 1, Math.Floor(p * sorted.Count))].ToString();

int Arg(string name, int fallback) =>
    args.Select(a => a.Split('=', 2)).Where(a => a.Length == 2 && a[0] == name).Select(a => int.Parse(a[1])).DefaultIfEmpty(fallback).First();
