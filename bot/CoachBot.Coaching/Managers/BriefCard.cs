using CoachBot.Coaching.Chat;
using CoachBot.Coaching.Escalations;
using CoachBot.Coaching.Goals;
using CoachBot.Coaching.Learning;
using CoachBot.Coaching.Profiles;

namespace CoachBot.Coaching.Managers;

public sealed record BriefData(
    UserText RepName, string? Style, RepActivity? Activity, IReadOnlyList<Escalation> OpenEscalations, string Opener,
    StyleSuggestion? Suggestion = null, IReadOnlyList<ReachLoss>? Unreachable = null)
{
    /// <summary>From the rep's CRM data; null when they have none (no CRM connected, or no owner matched), and the card says nothing.</summary>
    public Crm.Pipeline.RepPipeline? Pipeline { get; init; }

    /// <summary>A race suggested to the rep from their won deals and not yet answered.</summary>
    public string? RaceCheck { get; init; }
}

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
            new("Reply rate", activity is { NudgesSent: > 0 } a ? $"{a.NudgesAnswered}/{a.NudgesSent} ({(int)Math.Round(100.0 * a.NudgesAnswered / a.NudgesSent)}%)" : "no data yet"),
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
        if (data.Unreachable is { Count: > 0 } losses)
        {
            blocks.Add(new SectionBlock($"CoachBot cannot reach {data.RepName}, so their nudges are on hold: {ReachAdvice.Describe(losses)}"));
        }

        if (activity is { Goals.Count: > 0 })
        {
            blocks.Add(new SectionBlock("Goals (their own targets):\n" + string.Join("\n", activity.Goals.Select(GoalLine))));
        }

        if (data.Pipeline is { } pipeline)
        {
            blocks.Add(new SectionBlock(BriefPipeline.Section(pipeline, now)));
        }

        if (data.RaceCheck is { } raceCheck)
        {
            blocks.Add(new SectionBlock(raceCheck));
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

        if (data.Suggestion is { } suggestion)
        {
            blocks.Add(new SectionBlock(StyleCheck(data.RepName, suggestion)));
        }

        blocks.Add(new ContextBlock(data.Style is { } s && HowToTalk.TryGetValue(s, out var how) ? how : "Style not known yet: ask open questions and watch what they answer."));
        blocks.Add(new SectionBlock($"Suggested 1:1 opener: \"{data.Opener}\""));
        return new CoachMessage($"Weekly brief: {data.RepName}", blocks);
    }

    // "Style check: Sam answered 7 of 8 Expressive nudges and 2 of 9 Driver ones (94 % likely a better fit). …"
    private static string StyleCheck(UserText rep, StyleSuggestion s)
    {
        var (better, current) = (s.Better.Style, s.Current.Style);
        return $"Style check: {rep} answered {s.Better.Worked} of {s.Better.Decided} {better} nudges and "
            + $"{s.Current.Worked} of {s.Current.Decided} {current} ones ({s.Probability:P0} likely a better fit). "
            + $"Ask them whether {better} suits them; nothing changes until one of you sets it "
            + $"(`style @person {better.ToDbValue()}`).";
    }

    private static string GoalLine(GoalStanding s) => $"• {GoalWording.Standing(s)}";
}
