using System.Text.Json;
using System.Text.Json.Nodes;
using CoachBot.LocalWorkspace.Outbound;
using CoachBot.LocalWorkspace.Roster;
using CoachBot.LocalWorkspace.State;

namespace CoachBot.LocalWorkspace.Ui;

/// <summary>What a person does in the browser, turned into Slack's outbound traffic. Returns an error code, or null.</summary>
public sealed class WorkspaceActions(WorkspaceState state, CoachBotClient coachBot, ResponseUrls responseUrls, TimeProvider time)
{
    private const string Command = "/coach";

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
            await SlashCommandAsync(person, conversation, trimmed);
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
        var view = person is null ? null : state.HomeView(person.UserId);
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

        var inner = SlackPayloads.AppHomeOpened(asUser, WorkspaceState.DmIdOf(asUser), tab, state.HomeView(asUser), state.NextTs());
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

    private async Task SlashCommandAsync(DemoPerson person, Conversation conversation, string typed)
    {
        var parts = typed.Split(' ', 2, StringSplitOptions.TrimEntries);
        if (!parts[0].Equals(Command, StringComparison.OrdinalIgnoreCase))
        {
            AppReply.Slackbot(state, conversation, person.UserId, $"{parts[0]} is not a valid command. In this workspace only {Command} is installed.");
            return;
        }

        var now = time.GetUtcNow();
        var text = parts.Length > 1 ? TypedText.ToSlack(parts[1], state) : "";
        var fields = new Dictionary<string, string>
        {
            ["token"] = "demo-legacy-verification-token",
            ["team_id"] = state.Ids.TeamId,
            ["team_domain"] = state.Roster.TeamDomain,
            ["channel_id"] = conversation.Id,
            ["channel_name"] = conversation.Kind == ConversationKind.DirectMessage ? "directmessage" : conversation.Name,
            ["user_id"] = person.UserId,
            ["user_name"] = person.Handle,
            ["command"] = Command,
            ["text"] = text,
            ["api_app_id"] = state.Ids.AppId,
            ["is_enterprise_install"] = "false",
            ["response_url"] = responseUrls.Create(conversation.Id, person.UserId, null).ToString(),
            ["trigger_id"] = SlackPayloads.TriggerId(now),
        };
        var delivery = await coachBot.PostCommandAsync(fields, $"command {Command}");
        if (!delivery.Succeeded)
        {
            AppReply.Slackbot(state, conversation, person.UserId, $"{Command} failed with the error \"{delivery.Failure ?? "dispatch_failed"}\"");
        }
        else if (delivery.Body.Trim().Length > 0)
        {
            var reply = delivery.ContentType == "application/json" ? TryParse(delivery.Body) : new JsonObject { ["text"] = delivery.Body };
            var error = reply is null ? "invalid_payload" : AppReply.Apply(state, conversation.Id, person.UserId, null, reply);
            if (error is not null)
            {
                AppReply.Slackbot(state, conversation, person.UserId, $"{Command} failed with the error \"{error}\"");
            }
        }
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
        var conversation = state.Read((conversations, _) => conversations.GetValueOrDefault(channel));
        return person is null || conversation is null || !state.IsMember(conversation, person.UserId) ? null : (person, conversation);
    }

    private static JsonObject? TryParse(string body)
    {
        try
        {
            return JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
