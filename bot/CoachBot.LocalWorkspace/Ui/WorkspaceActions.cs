using System.Text.Json.Nodes;
using CoachBot.LocalWorkspace.Outbound;
using CoachBot.LocalWorkspace.Roster;
using CoachBot.LocalWorkspace.State;

namespace CoachBot.LocalWorkspace.Ui;

/// <summary>What a person does in the browser, turned into Slack's outbound traffic. Returns an error code, or null.</summary>
public sealed class WorkspaceActions(WorkspaceState state, CoachBotClient coachBot, ResponseUrls responseUrls, SlashCommands slashCommands, TimeProvider time)
{
    public async Task<string?> SendAsync(string asUser, string channel, string typed)
    {
        if (Prepare(asUser, channel) is not ({ } person, { } conversation))
        {
            return "not_in_channel";
        }

        var trimmed = typed.Trim();
        if (trimmed.Length == 0)
        {
            return "no_text";
        }

        if (trimmed.StartsWith('/'))
        {
            await slashCommands.RunAsync(person, conversation, trimmed);
            return null;
        }

        var message = state.Post(conversation, person.UserId, fromBot: false, TypedText.ToSlack(trimmed, state), null);
        if (conversation.Kind == ConversationKind.DirectMessage)
        {
            await coachBot.PostEventAsync(SlackPayloads.EventCallback(state, SlackPayloads.DirectMessage(state, message), time.GetUtcNow()), "event message.im");
        }
        else if (TypedText.MentionsBot(message.Text!, state) && state.IsMember(conversation, state.Ids.BotUserId))
        {
            await coachBot.PostEventAsync(SlackPayloads.EventCallback(state, SlackPayloads.AppMention(state, message), time.GetUtcNow()), "event app_mention");
        }

        return null;
    }

    public async Task<string?> ClickAsync(string asUser, string channel, string ts, string blockId, string actionId)
    {
        if (Prepare(asUser, channel) is not ({ } person, { } conversation))
        {
            return "not_in_channel";
        }

        var message = state.Find(conversation.Id, ts);
        if (message is null || (message.EphemeralFor is not null && message.EphemeralFor != person.UserId))
        {
            return "message_not_found";
        }

        if (BlockActionsPayload.FindButton(message.Blocks, blockId, actionId) is not var (block, button))
        {
            return "action_not_found";
        }

        var hook = responseUrls.Create(conversation.Id, person.UserId, message.Ts);
        var payload = BlockActionsPayload.ForMessage(state, person, conversation, message, block, button, hook, time.GetUtcNow());
        ReportFailure(conversation, person, await coachBot.PostInteractionAsync(payload, $"block_actions {actionId}"));
        return null;
    }

    public async Task<string?> ClickHomeAsync(string asUser, string blockId, string actionId)
    {
        var person = state.Roster.Find(asUser);
        var view = person is null ? null : state.Homes.For(person.UserId);
        if (person is null || view is null)
        {
            return "view_not_found";
        }

        if (BlockActionsPayload.FindButton(view["blocks"] as JsonArray, blockId, actionId) is not var (block, button))
        {
            return "action_not_found";
        }

        var payload = BlockActionsPayload.ForHome(state, person, view, block, button, time.GetUtcNow());
        await coachBot.PostInteractionAsync(payload, $"block_actions {actionId} (home)");
        return null;
    }

    public async Task<string?> OpenTabAsync(string asUser, string tab)
    {
        if (state.Roster.Find(asUser) is null || tab is not ("home" or "messages"))
        {
            return "invalid_arguments";
        }

        var inner = SlackPayloads.AppHomeOpened(asUser, WorkspaceState.DmIdOf(asUser), tab, state.Homes.For(asUser), state.NextTs());
        await coachBot.PostEventAsync(SlackPayloads.EventCallback(state, inner, time.GetUtcNow()), $"event app_home_opened ({tab})");
        return null;
    }

    public async Task<string?> AddMemberAsync(string asUser, string channel, string user)
    {
        if (Prepare(asUser, channel) is not (_, { Kind: ConversationKind.PrivateChannel } conversation) || !state.IsKnownUser(user))
        {
            return "invalid_arguments";
        }

        if (!state.AddMember(conversation, user))
        {
            return "already_in_channel";
        }

        // Slack only tells the app about channels the app is in (and about its own joins).
        if (state.IsMember(conversation, state.Ids.BotUserId))
        {
            var inner = SlackPayloads.MemberJoinedChannel(state, user, conversation.Id, asUser, state.NextTs());
            await coachBot.PostEventAsync(SlackPayloads.EventCallback(state, inner, time.GetUtcNow()), "event member_joined_channel");
        }

        return null;
    }

    private void ReportFailure(Conversation conversation, DemoPerson person, Delivery delivery)
    {
        if (!delivery.Succeeded)
        {
            AppReply.Slackbot(state, conversation, person.UserId, $"{state.Roster.Bot.Name} did not respond to that click ({delivery.Outcome}).");
        }
    }

    private (DemoPerson, Conversation)? Prepare(string asUser, string channel)
    {
        var person = state.Roster.Find(asUser);
        var conversation = state.Read(conversations => conversations.GetValueOrDefault(channel));
        return person is null || conversation is null || !state.IsMember(conversation, person.UserId) ? null : (person, conversation);
    }
}
