using CoachBot.Coaching.Profiles;

namespace CoachBot.Coaching.Goals;

/// <summary>
/// What a rep hears about their own numbers, in their style: Driver the number and the gap, Expressive the energy,
/// Amiable a warm, clear ask, Analytical the figures and the rate needed. Only ever about this rep's own history.
/// </summary>
public static class GoalWording
{
    public static string Progress(PaceReading r) =>
        $"{r.Metric.Count(r.Done)} of {r.Target} this {r.Period.Noun()} ({r.DonePercent} %)";

    /// <summary>The midpoint check: "60 % with 40 % of the week left: on pace", worded for the style.</summary>
    /// <summary>"20 calls weekly: 18 of 20 this week (90 %), on pace · best week: 23 · 3 weeks on target in a row (record 4)".</summary>
    public static string Standing(GoalStanding s)
    {
        var (r, b, noun) = (s.Reading, s.Records, s.Goal.Period.Noun());
        var best = b.PreviousBest > 0 && r.Done > b.PreviousBest ? $"new best {noun}: {r.Done} (was {b.PreviousBest})" : $"best {noun}: {b.BestTotal}";
        return $"{Progress(r)}, {r.StatusWords} · {best} · {b.CurrentRun} {noun}s on target in a row (record {b.LongestRun})";
    }

    public static string Pace(CommunicationStyle? style, PaceReading r)
    {
        var core = $"{r.DonePercent} % with {r.LeftPercent} % of the {r.Period.Noun()} left: {r.StatusWords}";
        var togo = r.Remaining == 0 ? "" : $"{r.Metric.Count(r.Remaining)} to go";
        return style switch
        {
            CommunicationStyle.Driver => $"{Title(r)}: {r.Done}/{r.Target}, {core}." + (togo.Length > 0 ? $" {Capital(togo)}." : ""),
            CommunicationStyle.Expressive => $"Halfway check on your {r.Metric.Word()}! {core}. " + r.Status switch
            {
                PaceStatus.Behind => $"Plenty of race left: {togo} and a strong finish does it.",
                PaceStatus.Hit => "You've already hit it. What a run!",
                _ => $"Keep that rhythm going: {togo}.",
            },
            CommunicationStyle.Analytical =>
                $"Midpoint reading, {r.Metric.Word()}: {r.Done}/{r.Target} = {core}. " +
                $"Working time elapsed: {100 - r.LeftPercent} %." + (r.Remaining > 0 ? $" Remaining: {r.Remaining} in {r.LeftPercent} % of the {r.Period.Noun()}." : ""),
            _ => $"A quick check-in on your {r.Metric.Word()}: {core}. " + r.Status switch
            {
                PaceStatus.Behind => $"That's okay. Could you fit in {togo} before the {r.Period.Noun()} ends? One at a time is fine.",
                PaceStatus.Hit => "You've already reached it. Thank you for the steady work.",
                _ => $"You're doing well. {Capital(togo)} before the {r.Period.Noun()} ends.",
            },
        };
    }

    public static string Logged(CommunicationStyle? style, GoalMetric metric, int amount, PaceReading? r)
    {
        var logged = $"Logged {metric.Count(amount)}.";
        if (r is null)
        {
            return $"{logged} No target for {metric.Word()} yet: set one with `goal 10 {metric.Word()} {GoalPeriod.Week.Adverb()}`.";
        }

        return style switch
        {
            CommunicationStyle.Driver => $"{logged} {r.Done}/{r.Target} this {r.Period.Noun()}.",
            CommunicationStyle.Expressive => $"{logged} That's {Progress(r)}, nice!",
            CommunicationStyle.Analytical => $"{logged} Total this {r.Period.Noun()}: {r.Done}/{r.Target} ({r.DonePercent} % of target).",
            _ => $"{logged} Thank you. You're at {Progress(r)}.",
        };
    }

    public static string TargetHit(CommunicationStyle? style, PaceReading r, int run)
    {
        var runText = run >= 2 ? $" That's {run} {r.Period.Noun()}s in a row on target." : "";
        return style switch
        {
            CommunicationStyle.Driver => $"Target hit: {r.Done}/{r.Target} {r.Metric.Word()} this {r.Period.Noun()}.{runText}",
            CommunicationStyle.Expressive => $"You did it! {r.Target} {r.Metric.Word()} this {r.Period.Noun()}, target smashed!{runText}",
            CommunicationStyle.Analytical => $"Target reached: {r.Done}/{r.Target} {r.Metric.Word()} ({r.DonePercent} %) this {r.Period.Noun()}.{runText}",
            _ => $"You reached your {r.Metric.Word()} target for the {r.Period.Noun()}: {r.Done} of {r.Target}. Well done.{runText}",
        };
    }

    public static string NewBest(CommunicationStyle? style, GoalMetric metric, GoalPeriod period, int total, int previous) => style switch
    {
        CommunicationStyle.Driver => $"Personal record: {metric.Count(total)} in a {period.Noun()} (old best {previous}).",
        CommunicationStyle.Expressive => $"New personal best! {metric.Count(total)} in a {period.Noun()}, beating your {previous}. That's your best {period.Noun()} ever!",
        CommunicationStyle.Analytical => $"New personal record: {metric.Count(total)} in one {period.Noun()}, previous best {previous} (+{total - previous}).",
        _ => $"That's a new personal best: {metric.Count(total)} in a {period.Noun()}, up from {previous}. You should be proud of that.",
    };

    public static string LongestRun(CommunicationStyle? style, GoalPeriod period, int run) => style switch
    {
        CommunicationStyle.Driver => $"Longest run yet: {run} {period.Noun()}s on target.",
        CommunicationStyle.Expressive => $"And that's your longest run ever: {run} {period.Noun()}s on target in a row!",
        CommunicationStyle.Analytical => $"Longest run on record: {run} consecutive {period.Noun()}s on target (paused {period.Noun()}s excluded).",
        _ => $"It's also your longest run: {run} {period.Noun()}s in a row on target. Lovely consistency.",
    };

    private static string Title(PaceReading r) => Capital(r.Metric.Word());

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
