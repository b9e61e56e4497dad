using CoachBot.Coaching.Chat;

namespace CoachBot.Testing.Conversation;

/// <summary>Flattens what a reply would show, for assertions on wording.</summary>
public static class MessageText
{
    public static string Of(CoachMessage message) => string.Join('\n', message.Blocks.Select(b => b switch
    {
        SectionBlock s => s.Text,
        HeaderBlock h => h.Text,
        ContextBlock c => c.Text,
        QuoteBlock q => q.Text,
        FieldsBlock f => string.Join('\n', f.Fields.Select(x => $"{x.Label}: {x.Value}")),
        ActionsBlock a => string.Join(" | ", a.Buttons.Select(x => x.Label)),
        _ => "",
    }).Prepend(message.Text));

    public static string Of(InboxReply reply) =>
        string.Join("\n---\n", reply.Messages.Select(Of).Concat(reply.UpdatedSource is { } u ? [Of(u)] : []));
}
