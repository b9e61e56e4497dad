using CoachBot.Coaching.Profiles;

namespace CoachBot.Coaching.Conversation;

/// <summary>Short acknowledgements written for each style (product.md's style table); neutral when the style is unknown.</summary>
public static class StyleAcks
{
    public enum Kind
    {
        Reply,
        Done,
        Rating,
    }

    private static readonly Dictionary<(CommunicationStyle?, Kind), string[]> Acks = new()
    {
        [(CommunicationStyle.Driver, Kind.Reply)] = ["Noted.", "Got it.", "Logged."],
        [(CommunicationStyle.Driver, Kind.Done)] = ["Done. Logged.", "Checked off.", "Logged. Next one soon."],
        [(CommunicationStyle.Driver, Kind.Rating)] = ["Rating logged.", "Rating noted."],
        [(CommunicationStyle.Expressive, Kind.Reply)] = ["Love hearing this, thanks for telling me!", "Great stuff, keep me posted on how it goes!"],
        [(CommunicationStyle.Expressive, Kind.Done)] = ["Yes! Nice work, that's one in the bag!", "Boom, done! Tell me how it went next time!"],
        [(CommunicationStyle.Expressive, Kind.Rating)] = ["Thanks for being straight with me!", "Got it, thanks for sharing that!"],
        [(CommunicationStyle.Amiable, Kind.Reply)] =
            ["Thank you for sharing that with me. It stays between us.", "Thanks, I've kept that safe. No rush on anything."],
        [(CommunicationStyle.Amiable, Kind.Done)] = ["Well done, that's a good step. Thank you!", "Nicely done. Take a breath, you've earned it."],
        [(CommunicationStyle.Amiable, Kind.Rating)] = ["Thank you for letting me know how it feels.", "Thanks, that helps me support you better."],
        [(CommunicationStyle.Analytical, Kind.Reply)] =
            ["Recorded. Stored privately; only you can see it (details: `my data`).", "Saved to your private notes. Type `my data` to review what is stored."],
        [(CommunicationStyle.Analytical, Kind.Done)] = ["Recorded as done, with today's date, in your history.", "Marked done. It counts toward your streak."],
        [(CommunicationStyle.Analytical, Kind.Rating)] = ["Rating recorded. I use it to adjust the next nudges.", "Recorded; ratings over time show your trend."],
        [(null, Kind.Reply)] = ["Thanks, noted. Your replies stay private to you."],
        [(null, Kind.Done)] = ["Done, nice work."],
        [(null, Kind.Rating)] = ["Thanks, noted."],
    };

    /// <summary>A stable pick for <paramref name="seed"/> (e.g. the reply id), so a replay says the same thing.</summary>
    public static string For(CommunicationStyle? style, Kind kind, long seed)
    {
        var options = Acks[(style, kind)];
        return options[(int)(Math.Abs(seed) % options.Length)];
    }

    public static IReadOnlyList<string> All(CommunicationStyle? style, Kind kind) => Acks[(style, kind)];
}
