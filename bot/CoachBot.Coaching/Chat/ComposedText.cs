using System.Text;

namespace CoachBot.Coaching.Chat;

/// <summary>
/// Message text as the core builds it: CoachBot's own words, whose formatting renderers keep, with
/// <see cref="UserText"/> parts inside, which renderers must escape. <see cref="Plain"/> is what a reader sees.
/// </summary>
public readonly record struct ComposedText(string? Marked)
{
    public static implicit operator ComposedText(string? text) => new(text);

    public static implicit operator ComposedText(UserText text) => new(text.ToString());

    /// <summary>The text as a person reads it, every part as typed: for plain-text targets (Slack plain_text, notifications) and tests.</summary>
    public string Plain => UserText.WithoutMarks(Marked);

    /// <summary>CoachBot's own words as they are, each person's words through <paramref name="escapeUserPart"/>.</summary>
    public string Render(Func<string, string> escapeUserPart)
    {
        var text = Marked ?? "";
        if (text.AsSpan().IndexOfAnyInRange(UserText.Start, UserText.End) < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        var at = 0;
        while (at < text.Length)
        {
            var start = text.IndexOf(UserText.Start, at);
            var own = start < 0 ? text[at..] : text[at..start];
            builder.Append(UserText.WithoutMarks(own));
            if (start < 0)
            {
                break;
            }

            // A part cut short (a truncated string) runs to the end: escaping too much is safe, too little is not.
            var end = text.IndexOf(UserText.End, start + 1);
            var part = end < 0 ? text[(start + 1)..] : text[(start + 1)..end];
            builder.Append(escapeUserPart(UserText.WithoutMarks(part)));
            at = end < 0 ? text.Length : end + 1;
        }

        return builder.ToString();
    }

    public override string ToString() => Marked ?? "";
}
