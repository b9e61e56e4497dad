namespace CoachBot.Coaching.Conversation;

/// <summary>
/// Whether a rep's free text asks CoachBot something ("how do I ask for budget?"). Only text the command parser left as
/// free text is asked, so `help`, `style` and the other commands keep working as before.
/// </summary>
public static class RepQuestions
{
    private static readonly string[] QuestionWords =
    [
        "how", "what", "why", "when", "which", "who", "where", "can", "could", "should", "would", "is", "are", "do", "does",
        "any", "tips", "advice", "help",
    ];

    public static bool IsQuestion(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length is < 3 or > 300)
        {
            return false;
        }

        var words = trimmed.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        // "Done?" or "ok?" is a reply with a shrug, not a question to search for.
        var enoughWords = words.Length >= 3;
        return enoughWords && (trimmed.EndsWith('?') || QuestionWords.Contains(words[0].Trim(',', ':')));
    }
}
