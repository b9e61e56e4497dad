using CoachBot.Coaching.Chat;
using CoachBot.Platforms.Teams;
using Microsoft.Extensions.Options;

namespace CoachBot.Bot.Teams;

/// <summary>
/// Turns a verified activity into a call on the coaching core: store the conversation reference, translate, call
/// <see cref="ICoachingInbox"/>, send its answer through the Connector. Runs after every filter has passed, <see cref="HandledActivityFilter"/> last among the checks.
/// </summary>
internal sealed class TeamsActivityHandler(
    ConversationReferenceStore references,
    ServiceUrlTrust trust,
    TeamsReplies replies,
    TeamsConversationEvents events,
    TeamsPeople people,
    IOptions<TeamsOptions> teams,
    ILogger<TeamsActivityHandler> logger,
    ICoachingInbox? inbox = null) // optional so the Teams layer can stand before the core is wired in
{
    public const string AdaptiveCardAction = "adaptiveCard/action";

    public async Task<IResult> HandleAsync(Activity activity, CancellationToken cancellationToken)
    {
        await references.SaveAsync(activity.Reference(), activity.Member(), cancellationToken);
        trust.Remember(activity.ServiceUrl!);
        if (inbox is null)
        {
            Log.NoInbox(logger, activity.Type!);
            return activity.Type == Activity.Types.Invoke ? InvokeResponse.Message("CoachBot is not ready yet.") : TypedResults.Ok();
        }

        switch (activity.Type)
        {
            case Activity.Types.Message:
                await OnMessageAsync(activity, inbox, cancellationToken);
                return TypedResults.Ok();
            case Activity.Types.Invoke:
                return await OnInvokeAsync(activity, inbox, cancellationToken);
            case Activity.Types.ConversationUpdate or Activity.Types.InstallationUpdate:
                await events.HandleAsync(activity, inbox, cancellationToken);
                return TypedResults.Ok();
            default:
                return TypedResults.Ok(); // messageReaction, typing, …: nothing to do yet
        }
    }

    private async Task OnMessageAsync(Activity activity, ICoachingInbox inbox, CancellationToken cancellationToken)
    {
        var from = await people.DescribeAsync(activity, cancellationToken);
        var address = activity.Address();
        InboxReply reply;
        if (CardSubmit.FromMessage(activity) is { } submit)
        {
            reply = await inbox.OnActionAsync(ToAction(activity, from, submit), cancellationToken);
        }
        else if (MentionText.StripBotMention(activity) is { Length: > 0 } stripped)
        {
            var text = await TeamsMentions.ToPersonRefsAsync(activity, stripped, people, cancellationToken);
            reply = InManagerChannel(address) || ManagerCommandWords.StartsWithCommand(text)
                ? await inbox.OnCommandAsync(new InboundCommand(from, address, text), cancellationToken)
                : await inbox.OnMessageAsync(new InboundMessage(from, address, text), cancellationToken);
        }
        else
        {
            return;
        }

        await replies.DeliverAsync(activity, reply, cancellationToken);
    }

    private async Task<IResult> OnInvokeAsync(Activity activity, ICoachingInbox inbox, CancellationToken cancellationToken)
    {
        if (CardSubmit.FromInvoke(activity) is not { } submit)
        {
            return InvokeResponse.Error(400, "BadRequest", "This button carries no CoachBot action.");
        }

        var reply = await inbox.OnActionAsync(ToAction(activity, await people.DescribeAsync(activity, cancellationToken), submit), cancellationToken);
        // The clicked card is replaced through the invoke answer itself; anything else goes out as messages.
        await replies.DeliverAsync(activity, reply with { UpdatedSource = null }, cancellationToken);
        return reply.UpdatedSource is { } updated
            ? InvokeResponse.Card(AdaptiveCardRenderer.Render(updated))
            : InvokeResponse.Message("Done.");
    }

    private static InboundAction ToAction(Activity activity, Sender from, CardSubmit submit) => new(
        from,
        activity.Address(),
        activity.ReplyToId is { Length: > 0 } cardId ? new SentMessage(activity.Address(), cardId) : null,
        submit.ActionId,
        submit.Value,
        submit.InputText);

    private bool InManagerChannel(ChatAddress address) =>
        teams.Value.ManagerChannelId is { Length: > 0 } channel && string.Equals(address.ConversationId, channel, StringComparison.Ordinal);
}
