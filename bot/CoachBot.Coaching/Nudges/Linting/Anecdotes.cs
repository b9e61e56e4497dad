using System.Text.RegularExpressions;

namespace CoachBot.Coaching.Nudges.Linting;

/// <summary>
/// CoachBot has coached nobody and remembers nothing: "a rep I coached spotted…" or "I once…" is an invented story.
/// Methods and rules of thumb are fine; first-person anecdotes are not.
/// </summary>
public static partial class Anecdotes
{
    public static string? Find(string text) => Pattern().Match(text) is { Success: true } m ? m.Value : null;

    [GeneratedRegex(@"\b((a|one|another) (rep|seller|client|customer|manager|ae|sdr|buyer)s? (I|we) (coached|worked with|know|knew|trained|met|had)|I once|I('ve| have) (seen|watched|coached|worked with|known)|when I (was|worked|sold)|I remember|in my (experience|career|days)|I used to|(one|some) of my (reps|clients|customers|sellers)|back when I|reps I('ve| have)? coached|I coached)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();
}
