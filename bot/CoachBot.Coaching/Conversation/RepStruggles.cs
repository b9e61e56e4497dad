namespace CoachBot.Coaching.Conversation;

/// <summary>
/// A reply that says the nudge did not work ("the buyer went quiet", "I'm stuck", "no luck"). Such a rep needs the
/// nudge's help, not thanks for an update. Plain phrases on purpose: a wrong guess costs one unneeded tip, and a rep
/// who is stuck and only thanked stops replying.
/// </summary>
public static class RepStruggles
{
    private static readonly string[] Phrases =
    [
        "stuck", "struggl", "no luck", "didn't work", "did not work", "doesn't work", "does not work", "not working",
        "went quiet", "gone quiet", "ghosted", "no answer", "no one answered", "nobody answered", "no reply", "no response",
        "couldn't", "could not", "can't", "cannot", "didn't go", "went badly", "went wrong", "hard to", "too hard", "not sure how",
        "don't know how", "lost me", "shut me down", "hung up", "pushed back", "failed", "no idea",
    ];

    public static bool IsStruggle(string text)
    {
        var lower = text.ToLowerInvariant().Replace('’', '\'');
        return Phrases.Any(p => lower.Contains(p, StringComparison.Ordinal));
    }
}
