using CoachBot.Coaching.Chat;
using CoachBot.Coaching.People;
using Microsoft.Extensions.Logging;

namespace CoachBot.Coaching.Escalations;

/// <summary>Posts and updates the card in the managers' channel and sends DMs; delivery failures never undo a state change.</summary>
public sealed class EscalationNotifier(
    EscalationStore store, PersonDirectory people, ManagersChannel channel, ChatMessengers messengers, AuditLog audit,
    TimeProvider clock, ILogger<EscalationNotifier> logger)
{
    public async Task<CoachMessage> RenderAsync(Escalation escalation, CancellationToken cancellationToken)
    {
        var rep = await people.GetAsync(escalation.RepId, cancellationToken);
        var owner = escalation.OwnerId is { } ownerId ? await people.GetAsync(ownerId, cancellationToken) : null;
        var actorId = escalation.State switch
        {
            EscalationState.Acknowledged => escalation.AcknowledgedBy,
            EscalationState.Resolved => escalation.ResolvedBy,
            _ => null,
        };
        var actor = actorId is { } a ? await people.GetAsync(a, cancellationToken) : null;
        var names = new EscalationCardPeople(rep?.DisplayName ?? "Unknown rep", owner?.DisplayName, actor?.DisplayName);
        return EscalationCard.Render(escalation, names, clock.GetUtcNow());
    }

    /// <summary>Posts the card once; afterwards the stored message reference is used to update it in place.</summary>
    public async Task<Escalation> PostCardAsync(Escalation escalation, CancellationToken cancellationToken)
    {
        var address = await channel.FindAsync(escalation.WorkspaceId, cancellationToken);
        if (address is null)
        {
            Log.CardNotPosted(logger, escalation.ShortId, "no managers' channel configured");
            return escalation;
        }

        try
        {
            var sent = await channel.PostAsync(escalation.WorkspaceId, address, await RenderAsync(escalation, cancellationToken), cancellationToken);
            var stored = await store.RecordCardAsync(escalation.Id, sent.Conversation.ConversationId, sent.MessageId, cancellationToken);
            if (escalation.SharedText is not null)
            {
                await audit.WriteAsync(null, AuditActions.SharedWordsPosted, escalation.RepId, $"{escalation.ShortId} posted to the managers' channel", cancellationToken);
            }

            return stored ?? escalation;
        }
        catch (ChatDeliveryException ex)
        {
            Log.CardNotPosted(logger, escalation.ShortId, ex.Code);
            return escalation;
        }
    }

    public async Task RefreshCardAsync(Escalation escalation, CancellationToken cancellationToken)
    {
        if (escalation.ChannelMessageId is null || escalation.ChannelConversationId is null)
        {
            await PostCardAsync(escalation, cancellationToken);
            return;
        }

        var address = await channel.FindAsync(escalation.WorkspaceId, cancellationToken);
        if (address is null)
        {
            Log.CardNotUpdated(logger, escalation.ShortId, "no managers' channel configured");
            return;
        }

        try
        {
            var sent = new SentMessage(address with { ConversationId = escalation.ChannelConversationId }, escalation.ChannelMessageId);
            await channel.UpdateAsync(escalation.WorkspaceId, sent, await RenderAsync(escalation, cancellationToken), cancellationToken);
        }
        catch (Exception ex) when (ex is ChatDeliveryException or ManagersChannelRefusedException)
        {
            Log.CardNotUpdated(logger, escalation.ShortId, ex is ChatDeliveryException d ? d.Code : "channel changed since posting");
        }
    }

    /// <summary>A short message in the card's thread in the managers' channel (reminders, skip-level notes).</summary>
    public async Task PostInThreadAsync(Escalation escalation, string text, CancellationToken cancellationToken)
    {
        var address = await channel.FindAsync(escalation.WorkspaceId, cancellationToken);
        if (address is null)
        {
            return;
        }

        try
        {
            await channel.PostAsync(escalation.WorkspaceId, address with { ThreadId = escalation.ChannelMessageId }, CoachMessage.Plain(text), cancellationToken);
        }
        catch (ChatDeliveryException ex)
        {
            Log.CardNotUpdated(logger, escalation.ShortId, ex.Code);
        }
    }

    /// <summary>True when the message went out; a failure is logged, never thrown, so the change itself stands.</summary>
    public async Task<bool> SendDirectAsync(Escalation escalation, long personId, CoachMessage message, CancellationToken cancellationToken)
    {
        var person = await people.GetAsync(personId, cancellationToken);
        if (person is null)
        {
            return false;
        }

        try
        {
            await messengers.For(person.Key.Platform).SendDirectAsync(person.Key, message, cancellationToken);
            return true;
        }
        catch (ChatDeliveryException ex)
        {
            Log.DirectFailed(logger, escalation.ShortId, personId, ex.Code);
            return false;
        }
    }
}
