namespace CoachBot.Coaching.Chat;

/// <summary>
/// A platform-neutral message. Renderers turn it into Block Kit or an Adaptive Card;
/// <see cref="Text"/> is the notification/fallback text.
/// </summary>
public sealed record CoachMessage(string Text, IReadOnlyList<MessageBlock> Blocks)
{
    /// <summary>CoachBot's own id for a scheduled delivery; Slack carries it in message metadata.</summary>
    public Guid? DeliveryId { get; init; }

    public static CoachMessage Plain(string text) => new(text, [new SectionBlock(text)]);
}

public abstract record MessageBlock;

/// <summary>Body text. Text from users must be wrapped in <see cref="UserText"/> so renderers escape it.</summary>
public sealed record SectionBlock(string Text) : MessageBlock;

public sealed record HeaderBlock(string Text) : MessageBlock;

/// <summary>Small print under a message: status lines, hints.</summary>
public sealed record ContextBlock(string Text) : MessageBlock;

/// <summary>Label/value pairs, e.g. an escalation's rep, severity and age.</summary>
public sealed record FieldsBlock(IReadOnlyList<Field> Fields) : MessageBlock;

public sealed record Field(string Label, string Value);

/// <summary>A quoted block of someone's own words; always escaped by renderers.</summary>
public sealed record QuoteBlock(string Text) : MessageBlock;

public sealed record ActionsBlock(IReadOnlyList<ChatButton> Buttons) : MessageBlock;

public sealed record DividerBlock : MessageBlock;

public enum ButtonStyle
{
    Default,
    Primary,
    Danger,
}

/// <summary>A button. <paramref name="ActionId"/> names the neutral action; <paramref name="Value"/> carries ids only.</summary>
public sealed record ChatButton(string ActionId, string Label, string Value, ButtonStyle Style = ButtonStyle.Default);
