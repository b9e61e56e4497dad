namespace CoachBot.Coaching.Chat;

// Neutral inbound requests: Slack and Teams endpoints translate their payloads into these and call ICoachingInbox.

/// <summary>Who is talking, as the platform describes them at this moment (for first contact and profile refresh).</summary>
public sealed record Sender(PersonKey Key, string DisplayName, string? Email = null, string? TimeZone = null, string? Locale = null);

/// <summary>Free text typed in the 1:1 chat with the bot (or a Teams @mention / DM).</summary>
public sealed record InboundMessage(Sender From, ChatAddress Conversation, string Text);

/// <summary>A button press or card submit. <paramref name="Source"/> is the message that held the button, so it can be updated in place.</summary>
public sealed record InboundAction(Sender From, ChatAddress Conversation, SentMessage? Source, string ActionId, string Value, string? InputText = null);

/// <summary>A command: Slack <c>/coach …</c> text, or the same text typed to the bot in Teams. <paramref name="Text"/> excludes "/coach".</summary>
public sealed record InboundCommand(Sender From, ChatAddress Conversation, string Text);

/// <summary>Someone joined a channel the bot is in (the managers' channel guard looks at these).</summary>
public sealed record MemberJoined(PersonKey Member, ChatAddress Channel);

public enum ReplyVisibility
{
    /// <summary>Only the person who asked sees it (Slack ephemeral; Teams: their DM with the bot).</summary>
    Private,

    /// <summary>Everyone in the conversation where it was asked.</summary>
    InConversation,
}

/// <summary>What the core answers straight away. Slow follow-up work is done by the core through IChatMessenger or jobs.</summary>
public sealed record InboxReply(IReadOnlyList<CoachMessage> Messages, ReplyVisibility Visibility = ReplyVisibility.Private)
{
    /// <summary>Replace the message that held the pressed button (e.g. a nudge showing "Done ✓").</summary>
    public CoachMessage? UpdatedSource { get; init; }

    public static readonly InboxReply None = new([]);

    public static InboxReply Say(string text, ReplyVisibility visibility = ReplyVisibility.Private) => new([CoachMessage.Plain(text)], visibility);
}
