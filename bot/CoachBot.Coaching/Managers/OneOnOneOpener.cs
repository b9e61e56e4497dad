using CoachBot.Coaching.Goals;

namespace CoachBot.Coaching.Managers;

/// <summary>
/// The brief's suggested 1:1 opener, composed from the rep's week (the strongest fact first: a drift to watch, a record
/// or target hit, a goal behind pace, an open escalation, a skill left, a skill answered) and worded for the rep's style.
/// Built only from facts the brief shows, never from the rep's own words.
/// </summary>
public static class OneOnOneOpener
{
    public sealed record Facts(Chat.UserText FirstName, RepActivity? Activity, int OpenEscalations);

    public static string Compose(string? style, Facts facts)
    {
        var name = facts.FirstName;
        var activity = facts.Activity;
        var goals = activity?.Goals ?? [];
        var record = goals.FirstOrDefault(g => g.Records.PreviousBest > 0 && g.Reading.Done > g.Records.PreviousBest);
        var hit = goals.FirstOrDefault(g => g.Reading.Status == PaceStatus.Hit);
        var behind = goals.FirstOrDefault(g => g.Reading.Status == PaceStatus.Behind && g.Reading.Elapsed >= 0.3);
        var watch = activity is null ? null : EngagementTrend.Watch(activity.Weeks);
        var left = activity?.LeftTopics.FirstOrDefault();
        var answered = activity?.AnsweredTopics.FirstOrDefault();

        if (watch is not null)
        {
            return style switch
            {
                "driver" => $"{name}, quick one: what's the one thing slowing you down right now, and what would clear it?",
                "expressive" => $"{name}, I'd love to hear what's been on your plate lately. What's exciting you, and what's dragging?",
                "analytical" => $"{name}, the last weeks show {watch}. What does the data look like from your side?",
                _ => $"How are you doing, {name}? The last couple of weeks looked quieter; is there anything I can take off your plate?",
            };
        }

        if ((record ?? hit) is { } win)
        {
            var r = win.Reading;
            var what = record is not null ? $"a personal best: {r.Metric.Count(r.Done)} this {r.Period.Noun()}" : $"your {r.Metric.Word()} target: {r.Done} of {r.Target}";
            return style switch
            {
                "driver" => $"{name}, you hit {what}. What do you want to go after next?",
                "expressive" => $"{name}, {what}! Tell me the story: what made it work?",
                "analytical" => $"{name}, you reached {what}. Which part of your process made the difference?",
                _ => $"{name}, well done on {what}. How are you feeling about it, and what helped most?",
            };
        }

        if (behind is { Reading: { Closed: true } c })
        {
            // The working days are over: look back and ahead, never "close the gap" in a week that has ended.
            var noun = c.Period.Noun();
            return style switch
            {
                "driver" => $"{name}, {c.Metric.Word()} closed the {noun} at {c.Done} of {c.Target}. What's the one change for next {noun}?",
                "expressive" => $"{name}, the {noun} ended at {c.Done} of {c.Target} {c.Metric.Word()}. What would make next {noun} a strong one?",
                "analytical" => $"{name}, {c.Metric.Word()}: {c.Done}/{c.Target} for the {noun}. What got in the way, and which target fits next {noun}?",
                _ => $"{name}, how did this {noun} feel on your {c.Metric.Word()}? Is there one small thing I could help with for the next one?",
            };
        }

        if (behind is { Reading: var b })
        {
            return style switch
            {
                "driver" => $"{name}, {b.Metric.Word()} are at {b.Done} of {b.Target} with {b.LeftPercent} % of the {b.Period.Noun()} left. What's the plan to close the gap?",
                "expressive" => $"{name}, {b.LeftPercent} % of the {b.Period.Noun()} is still to run on your {b.Metric.Word()}. What would a strong finish look like?",
                "analytical" => $"{name}, {b.Metric.Word()}: {b.Done}/{b.Target} at {100 - b.LeftPercent} % of the {b.Period.Noun()}. What's behind the gap, and what rate gets you there?",
                _ => $"{name}, how are your {b.Metric.Word()} feeling this {b.Period.Noun()}? Is there one small thing I could help with?",
            };
        }

        if (facts.OpenEscalations > 0)
        {
            return style switch
            {
                "driver" => $"{name}, let's close out what you raised. What do you need from me to decide it today?",
                "expressive" => $"{name}, let's get what you raised sorted together. Where do you want to start?",
                "analytical" => $"{name}, on what you raised: which options have you weighed so far?",
                _ => $"{name}, thanks for raising what you did. Shall we look at it together, at your pace?",
            };
        }

        var skill = left ?? answered;
        if (skill is null)
        {
            return style switch
            {
                "driver" => $"{name}, what's your number one priority this week?",
                "expressive" => $"{name}, what's the big thing you're going after this week?",
                "analytical" => $"{name}, which deal needs the most thinking this week?",
                _ => $"How's your week going, {name}?",
            };
        }

        // Skill labels are bare nouns ("demo", "pipeline hygiene"): they read as the nudge's topic, not as an object.
        if (left is not null)
        {
            return style switch
            {
                "driver" => $"{name}, this week's {skill} nudge went unanswered. Still the right focus, or swap it?",
                "expressive" => $"{name}, this week's {skill} nudge went unanswered. What would make {skill} more fun to work on?",
                "analytical" => $"{name}, this week's {skill} nudge went unanswered. Is the focus right, or is something else in the way?",
                _ => $"{name}, I saw this week's {skill} nudge went unanswered. How are you feeling about {skill}?",
            };
        }

        return style switch
        {
            "driver" => $"{name}, you took on this week's {skill} nudge. One change you'd make there?",
            "expressive" => $"{name}, you took on this week's {skill} nudge. What's your take on it?",
            "analytical" => $"{name}, you took on this week's {skill} nudge. What would you like to look at more closely there?",
            _ => $"{name}, I saw you took on this week's {skill} nudge. How did that feel?",
        };
    }
}
