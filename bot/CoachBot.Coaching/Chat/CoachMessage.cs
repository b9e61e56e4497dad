namespace CoachBot.Coaching.Chat;

/// <summary>
/// A platform-neutral message. Renderers turn it into Block Kit or an Adaptive Card; <see cref="Content"/> is the
/// notification/fallback text. Names and other people's words go in as <see cref="UserText"/>, which renderers escape.
/// </summary>
public sealed record CoachMessage(ComposedText Content, IReadOnlyList<MessageBlock> Blocks)
{
    /// <summary>CoachBot's own id for a scheduled delivery; Slack carries it in message metadata.</summary>
    public Guid? DeliveryId { get; init; }

    /// <summary>The fallback text as a person reads it.</summary>
    public string Text => Content.Plain;

    public static CoachMessage Plain(string text) => new(text, [new SectionBlock(text)]);
}

public abstract record MessageBlock;

/// <summary>Body text: CoachBot's formatting is kept, <see cref="UserText"/> parts are escaped by renderers.</summary>
public sealed record SectionBlock(ComposedText Content) : MessageBlock
{
    public string Text => Content.Plain;
}

public sealed record HeaderBlock(ComposedText Content) : MessageBlock
{
    public string Text => Content.Plain;
}

/// <summary>Small print under a message: status lines, hints.</summary>
public sealed record ContextBlock(ComposedText Content) : MessageBlock
{
    public string Text => Content.Plain;
}

/// <summary>Label/value pairs, e.g. an escalation's rep, severity and age.</summary>
public sealed record FieldsBlock(IReadOnlyList<Field> Fields) : MessageBlock;

/// <summary>Label and value are shown as typed: renderers escape them whole.</summary>
public sealed record Field(string Label, string Value)
{
    public string Label { get; init; } = UserText.WithoutMarks(Label);

    public string Value { get; init; } = UserText.WithoutMarks(Value);
}

/// <summary>A quoted block of someone's own words; always escaped whole by renderers.</summary>
public sealed record QuoteBlock(string Text) : MessageBlock
{
    public string Text { get; init; } = UserText.WithoutMarks(Text);
}

public sealed record ActionsBlock(IReadOnlyList<ChatButton> Buttons) : MessageBlock;

public sealed record DividerBlock : MessageBlock;

public enum ButtonStyle
{
    Default,
    Primary,
    Danger,
}

/// <summary>A button. <paramref name="ActionId"/> names the neutral action; <paramref name="Value"/> carries ids only. Labels are plain text.</summary>
public sealed record ChatButton(string ActionId, string Label, string Value, ButtonStyle Style = ButtonStyle.Default)
{
    public string Label { get; init; } = UserText.WithoutMarks(Label);
}
