using CoachBot.Coaching.Chat;
using CoachBot.Coaching.Conversation;
using CoachBot.Coaching.People;
using Microsoft.Extensions.Logging;

namespace CoachBot.Coaching.Privacy;

/// <summary>`my data`, `export my data` and `delete my data` (which asks first, by button or `delete my data confirm`).</summary>
public sealed class PrivacyConversation(RepDataStore data, ILogger<PrivacyConversation> logger)
{
    public const string Prefix = "privacy.";
    public const string ConfirmDelete = "privacy.delete";
    public const string CancelDelete = "privacy.cancel";

    // Chat platforms cap a text block at about 3,000 characters; the export is split into parts below that.
    private const int ExportPartLength = 2800;
    private const int MaxExportParts = 15;

    public async Task<InboxReply> RunAsync(Person person, RepCommand command, CancellationToken cancellationToken) => command switch
    {
        RepCommand.MyData { Export: false } => new InboxReply([Summary(await data.GetSummaryAsync(person.Id, cancellationToken), person)]),
        RepCommand.MyData { Export: true } => Export(await data.ExportJsonAsync(person.Id, cancellationToken)),
        RepCommand.DeleteMyData { Confirmed: true } => await DeleteAsync(person, cancellationToken),
        _ => new InboxReply([AskToConfirm(person)]),
    };

    public async Task<InboxReply> HandleAsync(Person person, InboundAction action, CancellationToken cancellationToken)
    {
        if (action.ActionId == ConfirmDelete && action.Value == person.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            var reply = await DeleteAsync(person, cancellationToken);
            return action.Source is null ? reply : InboxReply.None with { UpdatedSource = reply.Messages[0] };
        }

        var cancelled = CoachMessage.Plain("Okay, nothing was deleted.");
        return action.Source is null ? new InboxReply([cancelled]) : InboxReply.None with { UpdatedSource = cancelled };
    }

    private async Task<InboxReply> DeleteAsync(Person person, CancellationToken cancellationToken)
    {
        var rows = await data.DeleteAsync(person.Id, cancellationToken);
        ConversationLog.DataDeleted(logger, person.Id, rows);
        return InboxReply.Say("Done: your replies, responses, goals and progress, profile and schedule are deleted, and no more nudges will come. " +
            "The deals and activities I had copied from your CRM are deleted too, and I won't copy them again. " +
            "A single audit line records that you deleted your data (not what it was). If you message me again, we start fresh.");
    }

    private static CoachMessage AskToConfirm(Person person) => new("Delete all your data?",
    [
        new SectionBlock("This erases your replies, nudge responses, goals and progress, profile and schedule, and the deals and activities copied from your CRM, and stops your nudges. It can't be undone."),
        new ActionsBlock(
        [
            new ChatButton(ConfirmDelete, "Delete my data", person.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ButtonStyle.Danger),
            new ChatButton(CancelDelete, "Cancel", ""),
        ]),
        new ContextBlock("No buttons? Type `delete my data confirm`."),
    ]);

    private static CoachMessage Summary(RepDataStore.Summary summary, Person person)
    {
        var seen = summary.Views.Count == 0
            ? "No manager has seen anything you shared, and none has opened your coaching profile."
            : string.Join('\n', summary.Views.Select(v => $"• {LocalDate(v.At, person.TimeZone)}: {WhoSaw.Describe(v, summary.ChannelReaders)}"));
        return new CoachMessage("What I store about you",
        [
            new HeaderBlock("What I store about you"),
            new FieldsBlock(
            [
                new Field("Coaching profile", summary.HasProfile ? "style, race, focus skills, schedule" : "none"),
                new Field("Your replies (private)", summary.Replies.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Field("Nudge responses", summary.Responses.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Field("Your goals (private)", $"{summary.Goals} goals, {summary.ProgressEntries} progress entries"),
                new Field("From your CRM (you and your managers)", Crm(summary.Crm)),
                new Field("Shared in the managers' channel", summary.SharedEscalations.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ]),
            new SectionBlock("*Who has seen what*\n" + seen),
            new ContextBlock("`export my data` sends you everything; `delete my data` erases it."),
        ]);
    }

    // "4 open deals, 9 closed; activities: 12 call, 3 meeting" — counts and kinds, never the deals themselves.
    private static string Crm(RepDataStore.CrmHeld? crm)
    {
        if (crm is null)
        {
            return "none (no CRM account matched to you)";
        }

        var activities = crm.ActivitiesByKind.Count == 0 ? "no activities" : "activities: " + string.Join(", ", crm.ActivitiesByKind.Select(a => $"{a.Value} {a.Key}"));
        return $"{crm.OpenDeals} open deals, {crm.ClosedDeals} won or lost; {activities}";
    }

    private static string LocalDate(DateTime utc, string timeZone)
    {
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var found) ? found : TimeZoneInfo.Utc;
        return TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static InboxReply Export(string json)
    {
        var parts = new List<string>();
        for (var start = 0; start < json.Length;)
        {
            var length = Math.Min(ExportPartLength, json.Length - start);
            // Never split an emoji's surrogate pair across two parts.
            length -= length < json.Length - start && char.IsHighSurrogate(json[start + length - 1]) ? 1 : 0;
            parts.Add(json.Substring(start, length));
            start += length;
        }

        var messages = parts.Take(MaxExportParts).Select((p, i) => new CoachMessage($"Your data export, part {i + 1} of {parts.Count}", [new QuoteBlock(p)])).ToList();
        if (parts.Count > MaxExportParts)
        {
            messages.Add(CoachMessage.Plain($"The export has {parts.Count} parts; I've sent the first {MaxExportParts}. Ask your admin for the full file."));
        }

        return new InboxReply(messages);
    }
}
