using System.Text.Json;
using System.Text.Json.Nodes;
using CoachBot.LocalWorkspace.Outbound;
using CoachBot.LocalWorkspace.Roster;
using CoachBot.LocalWorkspace.State;

namespace CoachBot.LocalWorkspace.Ui;

/// <summary>
/// A typed "/coach …" as Slack handles it: a signed form to the app, then the ack body shown to the invoker
/// (or Slackbot's "failed with the error …" when the app is down, slow or answers badly).
/// </summary>
public sealed class SlashCommands(WorkspaceState state, CoachBotClient coachBot, ResponseUrls responseUrls, TimeProvider time)
{
    private const string Command = "/coach";

    public async Task RunAsync(DemoPerson person, Conversation conversation, string typed)
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
