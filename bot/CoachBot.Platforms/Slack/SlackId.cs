namespace CoachBot.Platforms.Slack;

/// <summary>
/// Slack's ids (team, user, channel, event_id, trigger_id, action_ts, CoachBot's action_ids) are short printable ASCII.
/// CoachBot uses them as database keys, so anything longer or with other characters is malformed input, refused with a 400.
/// </summary>
public static class SlackId
{
    // Real ids are under 60 characters; 255 leaves room and keeps every composite key far below PostgreSQL's index row limit.
    public const int MaxLength = 255;

    public static bool IsWellFormed(string? value) =>
        value is { Length: > 0 and <= MaxLength } && !value.AsSpan().ContainsAnyExceptInRange('!', '~');
}
