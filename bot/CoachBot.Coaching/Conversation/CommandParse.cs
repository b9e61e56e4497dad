namespace CoachBot.Coaching.Conversation;

/// <summary>What the parser made of a line of text.</summary>
public abstract record CommandParse
{
    public sealed record Parsed(RepCommand Command) : CommandParse;

    /// <summary>A known command with a bad value; <paramref name="Message"/> lists the valid options. Nothing changes.</summary>
    public sealed record Rejected(string Message) : CommandParse;

    /// <summary>Looks like a command but isn't one; <paramref name="Suggestions"/> are the nearest commands.</summary>
    public sealed record Unknown(IReadOnlyList<string> Suggestions) : CommandParse;

    /// <summary>Not a command: a free-text reply to store privately.</summary>
    public sealed record FreeText : CommandParse;
}
