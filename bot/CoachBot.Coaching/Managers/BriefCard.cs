using CoachBot.Coaching.Chat;
using CoachBot.Coaching.Escalations;
using CoachBot.Coaching.Goals;

namespace CoachBot.Coaching.Managers;

public sealed record BriefData(UserText RepName, string? Style, RepActivity? Activity, IReadOnlyList<Escalation> OpenEscalations, string Opener);

/// <summary>The weekly brief about one rep, written so the manager can talk to that rep in the rep's own style.</summary>
public static class BriefCard
{
    private static readonly Dictionary<string, string> HowToTalk = new()
    {
        ["driver"] = "Driver: bottom line first, one number, offer 2–3 options and let them pick.",
        ["expressive"] = "Expressive: start with energy and the big picture; ask for the story, skip heavy detail.",
        ["amiable"] = "Amiable: warm check-in first, low pressure, suggest a small first step.",
        ["analytical"] = "Analytical: bring the data and the method; give them time and no surprises.",
    };

    public static CoachMessage Render(BriefData data, DateTimeOffset now)
    {
        var activity = data.Activity;
        var fields = new List<Field>
        {
            new("Style", data.Style ?? "not known yet"),
            new("Reply rate", activity is { NudgesSent: > 0 } a ? $"{a.NudgesAnswered}/{a.NudgesSent} ({100 * a.NudgesAnswered / a.NudgesSent}%)" : "no data yet"),
            new("Streak", activity is null ? "no data yet" : $"{activity.Streak} in a row"),
            new("Confidence trend", activity is null ? "no data yet" : EngagementTrend.Confidence(activity.Weeks) ?? "no ratings yet"),
            new("Open escalations", data.OpenEscalations.Count == 0 ? "none"
                : string.Join(", ", data.OpenEscalations.Select(e => $"{e.ShortId} ({EscalationCard.Age(now - e.CreatedAt)})"))),
        };
        var blocks = new List<MessageBlock>
        {
            new HeaderBlock($"Weekly brief: {data.RepName}"),
            new FieldsBlock(fields),
        };
        if (activity is { Goals.Count: > 0 })
        {
            blocks.Add(new SectionBlock("Goals (their own targets):\n" + string.Join("\n", activity.Goals.Select(GoalLine))));
        }

        if (activity is { AnsweredTopics.Count: > 0 })
        {
            blocks.Add(new SectionBlock($"Answered this week: {string.Join(", ", activity.AnsweredTopics)}"));
        }

        if (activity is { LeftTopics.Count: > 0 })
        {
            blocks.Add(new SectionBlock($"Left unanswered: {string.Join(", ", activity.LeftTopics)}"));
        }

        if (activity is not null && EngagementTrend.Watch(activity.Weeks) is { } watch)
        {
            blocks.Add(new SectionBlock($"Watch: {watch}. Worth a check-in before it becomes a slump."));
        }

        blocks.Add(new ContextBlock(data.Style is { } s && HowToTalk.TryGetValue(s, out var how) ? how : "Style not known yet: ask open questions and watch what they answer."));
        blocks.Add(new SectionBlock($"Suggested 1:1 opener: \"{data.Opener}\""));
        return new CoachMessage($"Weekly brief: {data.RepName}", blocks);
    }

    // "Calls: 18 of 20 this week (90 %), on pace · best week 23 · 3 weeks on target in a row (record 4)".
    private static string GoalLine(GoalStanding s)
    {
        var (r, b, noun) = (s.Reading, s.Records, s.Goal.Period.Noun());
        var best = b.PreviousBest > 0 && r.Done > b.PreviousBest ? $"new best {noun}: {r.Done} (was {b.PreviousBest})" : $"best {noun}: {b.BestTotal}";
        return $"• {GoalWording.Progress(r)}, {r.StatusWords} · {best} · {b.CurrentRun} {noun}s on target in a row (record {b.LongestRun})";
    }
}
