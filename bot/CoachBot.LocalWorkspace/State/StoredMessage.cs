using System.Text.Json.Nodes;

namespace CoachBot.LocalWorkspace.State;

/// <summary>One message in a conversation. Mutable only through <see cref="WorkspaceState"/>, which holds the lock.</summary>
public sealed class StoredMessage
{
    public required string Ts { get; init; }
    public required string Channel { get; init; }

    // A person's user id, the bot's user id, or null for Slackbot's system notices.
    public string? User { get; init; }
    public bool FromBot { get; init; }
    public string? Text { get; set; }
    public JsonArray? Blocks { get; set; }
    public JsonObject? Metadata { get; set; }
    public string? EphemeralFor { get; init; }
    public string? ThreadTs { get; init; }
    public bool Edited { get; set; }
    public int Revision { get; set; }

    public StoredMessage Copy() => new()
    {
        Ts = Ts, Channel = Channel, User = User, FromBot = FromBot, Text = Text, Blocks = Blocks?.DeepClone().AsArray(),
        Metadata = Metadata?.DeepClone().AsObject(), EphemeralFor = EphemeralFor, ThreadTs = ThreadTs, Edited = Edited, Revision = Revision,
    };

    public JsonObject ToApiJson(DemoIds ids, bool includeMetadata)
    {
        var json = new JsonObject { ["type"] = "message", ["ts"] = Ts, ["text"] = Text ?? "" };
        if (FromBot)
        {
            json["user"] = ids.BotUserId;
            json["bot_id"] = ids.BotId;
            json["app_id"] = ids.AppId;
        }
        else if (User is not null)
        {
            json["user"] = User;
        }

        json["team"] = ids.TeamId;
        if (Blocks is not null)
        {
            json["blocks"] = Blocks.DeepClone();
        }

        if (ThreadTs is not null)
        {
            json["thread_ts"] = ThreadTs;
        }

        if (Edited)
        {
            json["edited"] = new JsonObject { ["user"] = ids.BotUserId, ["ts"] = Ts };
        }

        if (includeMetadata && Metadata is not null)
        {
            json["metadata"] = Metadata.DeepClone();
        }

        return json;
    }
}

public sealed record DemoIds(string TeamId, string BotUserId, string BotId, string AppId);
