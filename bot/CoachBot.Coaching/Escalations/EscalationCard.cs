using CoachBot.Coaching.Chat;

namespace CoachBot.Coaching.Escalations;

/// <summary>Names shown on a card; looked up by the caller so rendering stays pure.</summary>
public sealed record EscalationCardPeople(UserText RepName, UserText? OwnerName, UserText? LastActorName = null);

/// <summary>Renders an escalation as the neutral card posted in (and updated in) the managers' channel.</summary>
public static class EscalationCard
{
    public static CoachMessage Render(Escalation escalation, EscalationCardPeople people, DateTimeOffset now)
    {
        var id = escalation.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var blocks = new List<MessageBlock>
        {
            new HeaderBlock($"Escalation {escalation.ShortId}: {escalation.Reason.Label()}"),
            new FieldsBlock(
            [
                new Field("Rep", people.RepName.Raw),
                new Field("Reason", escalation.Reason.Label()),
                new Field("Severity", escalation.Severity.ToString()),
                new Field("Age", Age(now - escalation.CreatedAt)),
                new Field("Owner", people.OwnerName?.Raw ?? "No manager on record"),
                new Field("State", StateText(escalation, people.LastActorName)),
            ]),
            escalation.SharedText is { Length: > 0 } words
                ? new QuoteBlock(words)
                : new ContextBlock("No words shared by the rep."),
        };

        if (Status(escalation, now) is { Length: > 0 } status)
        {
            blocks.Add(new ContextBlock(status));
        }

        blocks.Add(new ActionsBlock(escalation.IsClosed
            ? [new ChatButton(EscalationActions.Note, "Note", id)]
            : Buttons(escalation, id)));

        var text = $"Escalation {escalation.ShortId} for {people.RepName}: {escalation.Reason.Label()} ({escalation.Severity}, {escalation.State})";
        return new CoachMessage(text, blocks);
    }

    public static string Age(TimeSpan age)
    {
        if (age < TimeSpan.FromMinutes(1))
        {
            return "just now";
        }

        return age.TotalDays >= 1 ? $"{(int)age.TotalDays}d {age.Hours}h"
            : age.TotalHours >= 1 ? $"{(int)age.TotalHours}h {age.Minutes}m"
            : $"{(int)age.TotalMinutes}m";
    }

    private static List<ChatButton> Buttons(Escalation escalation, string id)
    {
        var buttons = new List<ChatButton>();
        if (escalation.State == EscalationState.Open)
        {
            buttons.Add(new ChatButton(EscalationActions.Acknowledge, "Acknowledge", id, ButtonStyle.Primary));
        }

        buttons.Add(new ChatButton(EscalationActions.Resolve, "Resolve", id));
        buttons.Add(new ChatButton(EscalationActions.Reassign, "Reassign", id));
        buttons.Add(new ChatButton(EscalationActions.Snooze, "Snooze", id));
        buttons.Add(new ChatButton(EscalationActions.Note, "Note", id));
        return buttons;
    }

    private static string StateText(Escalation escalation, UserText? actor) => escalation.State switch
    {
        EscalationState.Acknowledged when actor is not null => $"Acknowledged by {actor}",
        EscalationState.Resolved when actor is not null => $"Resolved by {actor}",
        _ => escalation.State.ToString(),
    };

    private static string Status(Escalation escalation, DateTimeOffset now)
    {
        var parts = new List<string>();
        if (escalation.SnoozedUntil is { } snoozed && snoozed > now && !escalation.IsClosed)
        {
            parts.Add($"Snoozed until {snoozed:yyyy-MM-dd HH:mm} UTC");
        }

        if (escalation.SkipLevelAt is not null)
        {
            parts.Add("Sent to skip-level manager");
        }
        else if (escalation.RemindedAt is not null && escalation.State == EscalationState.Open)
        {
            parts.Add("Reminder sent: not yet acknowledged");
        }

        if (escalation.NoteCount > 0)
        {
            parts.Add(escalation.NoteCount == 1 ? "1 note" : $"{escalation.NoteCount} notes");
        }

        return string.Join(" · ", parts);
    }
}
