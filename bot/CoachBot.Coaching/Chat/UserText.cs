namespace CoachBot.Coaching.Chat;

/// <summary>
/// Words that came from a person or a platform profile: a name, a note, an argument echoed back. Put into message text
/// (interpolated, concatenated, joined) it keeps its edges, so every renderer escapes exactly these words for its
/// platform; nobody building a message has to remember to. See <see cref="ComposedText"/>.
/// </summary>
public readonly record struct UserText
{
    // Unicode's interlinear annotation marks: meant for in-process use, never interchanged, removed from what people type.
    internal const char Start = '\uFFF9';
    internal const char End = '\uFFFB';

    private readonly string? _raw;

    public UserText(string? raw) => _raw = WithoutMarks(raw);

    /// <summary>The words exactly as typed: for storing, comparing and logging ids, never for a message.</summary>
    public string Raw => _raw ?? "";

    public bool IsEmpty => Raw.Length == 0;

    public static UserText Of(string? raw) => new(raw);

    // Wrapping too much is safe (it is escaped); so any string may stand where a person's words are expected.
    public static implicit operator UserText(string? raw) => new(raw);

    public override string ToString() => IsEmpty ? "" : $"{Start}{Raw}{End}";

    internal static string WithoutMarks(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        return text.AsSpan().IndexOfAnyInRange('\uFFF9', '\uFFFB') < 0
            ? text
            : string.Concat(text.Where(c => c is < '\uFFF9' or > '\uFFFB'));
    }
}
