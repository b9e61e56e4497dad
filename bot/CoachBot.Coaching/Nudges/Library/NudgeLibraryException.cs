namespace CoachBot.Coaching.Nudges.Library;

/// <summary>The nudge content files could not be read; <see cref="Problems"/> names the file and intent of each.</summary>
public sealed class NudgeLibraryException(IReadOnlyList<string> problems)
    : Exception("The nudge library is invalid: " + string.Join("; ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
