using CoachBot.Coaching.Chat;
using CoachBot.Coaching.Crm.Pipeline;

namespace CoachBot.Coaching.Managers;

/// <summary>The brief's pipeline lines from the rep's CRM data; the card shows none for a rep without CRM data.</summary>
public static class BriefPipeline
{
    private const int MaxNames = 3;

    public static string Section(RepPipeline pipeline, DateTimeOffset now)
    {
        var added = pipeline.AddedThisWeek(now);
        var lines = new List<string>
        {
            "*Pipeline (from the CRM)*",
            pipeline.Open.Count == 0 ? "• Open pipeline: no open deals" : $"• Open pipeline: {pipeline.OpenAmount} in {Deals(pipeline.Open.Count)}",
            added.Deals == 0 ? "• Added this week: nothing new" : $"• Added this week: {added} in {Deals(added.Deals)}",
            pipeline.Slipped is { Count: > 0 } slipped ? $"• Close dates slipped: {slipped.Count} ({Names(slipped, _ => null)})" : "• Close dates slipped: none",
            pipeline.Quiet is { Count: > 0 } quiet
                ? $"• No activity for {RepPipeline.QuietDays}+ days: {quiet.Count} ({Names(quiet, d => $"{d.DaysSinceActivity} days")})"
                : $"• No activity for {RepPipeline.QuietDays}+ days: none",
        };
        return string.Join("\n", lines);
    }

    private static string Deals(int count) => count == 1 ? "1 deal" : $"{count} deals";

    // Deal names are the CRM's words: UserText, so the renderer escapes them.
    private static string Names(IReadOnlyList<OpenDeal> deals, Func<OpenDeal, string?> detail)
    {
        var names = deals.Take(MaxNames).Select(d => detail(d) is { } more ? $"{UserText.Of(d.Name)}, {more}" : UserText.Of(d.Name).ToString());
        var rest = deals.Count > MaxNames ? $" and {deals.Count - MaxNames} more" : "";
        return string.Join("; ", names) + rest;
    }
}
