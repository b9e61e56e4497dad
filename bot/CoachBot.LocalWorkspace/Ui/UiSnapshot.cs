using System.Text.Json.Nodes;
using CoachBot.LocalWorkspace.State;

namespace CoachBot.LocalWorkspace.Ui;

/// <summary>What one person sees: their conversations (ephemeral messages only if meant for them), Home view, protocol log.</summary>
public sealed record UiSnapshot(long Version, IReadOnlyList<UiSnapshot.ConversationView> Conversations, JsonObject? Home, IReadOnlyList<ProtocolLogEntry> Log, string? Notice)
{
    public static UiSnapshot For(WorkspaceState state, string viewer)
    {
        var version = state.Feed.Version;
        var conversations = state.Read(all => all.Values
            .Where(c => c.Members.Contains(viewer))
            .Select(c => new ConversationView(
                c.Id,
                c.Kind == ConversationKind.DirectMessage ? "im" : "private_channel",
                c.Name,
                c.Members.Order(StringComparer.Ordinal).ToList(),
                c.Messages
                    .Where(m => m.EphemeralFor is null || m.EphemeralFor == viewer)
                    .Select(m => new MessageView(m.Ts, m.FromBot ? state.Ids.BotUserId : m.User, m.FromBot, m.Text, m.Blocks?.DeepClone() as JsonArray,
                        m.EphemeralFor is not null, m.Edited, m.Revision))
                    .ToList()))
            .ToList());
        return new UiSnapshot(version, conversations, state.Homes.For(viewer), state.Log.Entries(), state.Notice);
    }

    public sealed record ConversationView(string Id, string Kind, string Name, IReadOnlyList<string> Members, IReadOnlyList<MessageView> Messages);

    public sealed record MessageView(string Ts, string? User, bool FromBot, string? Text, JsonArray? Blocks, bool Ephemeral, bool Edited, int Revision);
}
