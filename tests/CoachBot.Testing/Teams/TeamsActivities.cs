using System.Text.Json.Nodes;

namespace CoachBot.Testing.Teams;

/// <summary>Builds Teams activities as the Connector sends them (JSON), for one tenant, bot and service URL.</summary>
public sealed class TeamsActivities(string serviceUrl, string tenantId = TeamsActivities.Tenant, string botId = TeamsActivities.BotId)
{
    public const string Tenant = "tenant-1";
    public const string BotId = "28:test-app-id";
    public const string RepAadId = "aad-rep-1";
    public const string RepUserId = "29:rep-1";
    public const string PersonalConversation = "a:personal-rep-1";
    public const string ManagersChannel = "19:managers@thread.tacv2";
    private static int _nextId = 1_700_000_000;

    public JsonObject PersonalMessage(string text) => Base("message", PersonalConversation, "personal", Rep()).With("text", text);

    public JsonObject ChannelMention(string text, string channelId = ManagersChannel, string? fromAad = "aad-manager-1")
    {
        var activity = Base("message", $"{channelId};messageid=1700000000999", "channel", Person("29:manager-1", fromAad, "Maria Manager"));
        activity["text"] = $"<at>CoachBot</at> {text}";
        activity["entities"] = new JsonArray(
            new JsonObject { ["type"] = "mention", ["text"] = "<at>CoachBot</at>", ["mentioned"] = new JsonObject { ["id"] = botId, ["name"] = "CoachBot" } },
            new JsonObject { ["type"] = "clientInfo", ["locale"] = "en-US" });
        activity["channelData"]!["team"] = new JsonObject { ["id"] = channelId };
        activity["channelData"]!["channel"] = new JsonObject { ["id"] = channelId };
        return activity;
    }

    public JsonObject Submit(string actionId, string value, string replyToId) =>
        Base("message", PersonalConversation, "personal", Rep())
            .With("replyToId", replyToId)
            .With("value", new JsonObject { ["actionId"] = actionId, ["value"] = value });

    public JsonObject Invoke(string actionId, string value, string replyToId, string name = "adaptiveCard/action") =>
        Base("invoke", PersonalConversation, "personal", Rep())
            .With("name", name)
            .With("replyToId", replyToId)
            .With("value", new JsonObject
            {
                ["action"] = new JsonObject
                {
                    ["type"] = "Action.Execute",
                    ["verb"] = actionId,
                    ["data"] = new JsonObject { ["actionId"] = actionId, ["value"] = value },
                },
                ["trigger"] = "manual",
            });

    /// <summary>As Teams sends it: <c>from</c> has the ids but no name (the welcome has to look the person up).</summary>
    public JsonObject PersonalInstall(string action = "add") =>
        Base("installationUpdate", PersonalConversation, "personal", Person(RepUserId, RepAadId, name: null)).With("action", action);

    public JsonObject PersonalMembersAdded() =>
        Base("conversationUpdate", PersonalConversation, "personal", Person(RepUserId, RepAadId, name: null))
            .With("membersAdded", new JsonArray(new JsonObject { ["id"] = botId }, Person(RepUserId, RepAadId, name: null)));

    /// <summary>The bot added to a team: Teams sends it in the General channel, whose id is the team id.</summary>
    public JsonObject TeamMembersAdded(string teamId, params JsonObject[] members)
    {
        var activity = Base("conversationUpdate", teamId, "channel", Person("29:manager-1", "aad-manager-1", "Maria Manager"))
            .With("membersAdded", new JsonArray([.. members]));
        activity["channelData"]!["team"] = new JsonObject { ["id"] = teamId };
        activity["channelData"]!["eventType"] = "teamMemberAdded";
        return activity;
    }

    public JsonObject TeamMembersRemoved(string teamId, params JsonObject[] members) =>
        Base("conversationUpdate", teamId, "channel", Person("29:manager-1", "aad-manager-1", "Maria Manager"))
            .With("membersRemoved", new JsonArray([.. members]));

    public JsonObject Bot() => new() { ["id"] = botId };

    public JsonObject Reaction() =>
        Base("messageReaction", PersonalConversation, "personal", Rep())
            .With("reactionsAdded", new JsonArray(new JsonObject { ["type"] = "like" }));

    public static JsonObject Rep() => Person(RepUserId, RepAadId, "Riley Rep");

    public static JsonObject Person(string id, string? aadObjectId, string? name)
    {
        var person = new JsonObject { ["id"] = id };
        if (name is not null)
        {
            person["name"] = name;
        }

        if (aadObjectId is not null)
        {
            person["aadObjectId"] = aadObjectId;
        }

        return person;
    }

    private JsonObject Base(string type, string conversationId, string conversationType, JsonObject from) => new()
    {
        ["type"] = type,
        ["id"] = Interlocked.Increment(ref _nextId).ToString(),
        ["timestamp"] = "2026-03-02T09:00:00.000Z",
        ["serviceUrl"] = serviceUrl,
        ["channelId"] = "msteams",
        ["from"] = from,
        ["recipient"] = new JsonObject { ["id"] = botId, ["name"] = "CoachBot" },
        ["conversation"] = new JsonObject { ["id"] = conversationId, ["conversationType"] = conversationType, ["tenantId"] = tenantId },
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = tenantId } },
        ["locale"] = "en-US",
        ["localTimezone"] = "Europe/Berlin",
    };
}

public static class JsonObjectExtensions
{
    public static JsonObject With(this JsonObject json, string name, JsonNode? value)
    {
        json[name] = value;
        return json;
    }
}
