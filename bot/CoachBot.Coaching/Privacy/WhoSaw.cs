using CoachBot.Coaching.Chat;
using CoachBot.Coaching.People;

namespace CoachBot.Coaching.Privacy;

/// <summary>One "who has seen what" line of `my data`, from an audit row about the rep.</summary>
internal static class WhoSaw
{
    public static string Describe(RepDataStore.ManagerView view, IReadOnlyList<string> channelReaders)
    {
        var parts = (view.Detail ?? "").Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
        var reference = parts.Length > 0 ? parts[0] : "an escalation";
        var how = parts.Length > 1 ? parts[1] : "";
        var manager = view.Manager is { Length: > 0 } name ? UserText.Of(name).ToString() : "A manager";
        if (view.Action == AuditActions.SharedWordsPosted)
        {
            var readers = channelReaders.Count == 0 ? "" : $": {string.Join(", ", channelReaders.Select(UserText.Of))}";
            return $"your words in {reference} were posted to the managers' channel, which every manager in CoachBot can read{readers}.";
        }

        if (view.Action == AuditActions.SharedWordsSeen)
        {
            return how == "rep"
                ? $"{manager} saw your words in {reference} in your coaching profile."
                : $"{manager} {Acted(how)} {reference}, whose card shows your words.";
        }

        return view.Action == PrivacyAuditActions.BriefViewed
            ? $"{manager} read a coaching brief about you (your numbers, never your words)."
            : $"{manager} looked at your coaching profile.";
    }

    private static string Acted(string verb) => verb switch
    {
        "ack" => "acknowledged",
        "resolve" => "resolved",
        "reassign" => "reassigned",
        "snooze" => "snoozed",
        "note" => "added a note to",
        _ => "acted on",
    };
}
