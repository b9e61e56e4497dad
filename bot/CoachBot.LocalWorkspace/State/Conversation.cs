namespace CoachBot.LocalWorkspace.State;

public enum ConversationKind
{
    DirectMessage,
    PrivateChannel,
}

public sealed class Conversation(string id, ConversationKind kind, string name, string? imUser)
{
    public string Id { get; } = id;
    public ConversationKind Kind { get; } = kind;
    public string Name { get; } = name;

    // For a DM with the bot: the person on the other side.
    public string? ImUser { get; } = imUser;
    public HashSet<string> Members { get; } = [];
    public List<StoredMessage> Messages { get; } = [];
}
