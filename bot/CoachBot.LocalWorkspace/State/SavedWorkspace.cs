using System.Text.Json.Nodes;

namespace CoachBot.LocalWorkspace.State;

/// <summary>The workspace history as saved to Workspace:StateFile: what people said and saw, never secrets.</summary>
public sealed record SavedWorkspace(int Format, string TeamId, IReadOnlyList<SavedConversation> Conversations, Dictionary<string, JsonObject>? Homes)
{
    public const int CurrentFormat = 1;
}

public sealed record SavedConversation(string Id, IReadOnlyList<string> Members, IReadOnlyList<StoredMessage> Messages);
