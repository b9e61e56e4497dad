using CoachBot.Coaching.Chat;

namespace CoachBot.Platforms.Slack;

/// <summary>Sorts Slack's <c>ok:false</c> error codes (slack-platform.md §6.3). Unknown codes are permanent: retrying a bug helps nobody.</summary>
public static class SlackErrors
{
    private static readonly HashSet<string> Retryable = new(StringComparer.Ordinal)
    {
        "ratelimited", "rate_limited", "internal_error", "fatal_error", "service_unavailable", "request_timeout_server",
    };

    private static readonly HashSet<string> WorkspaceFatal = new(StringComparer.Ordinal)
    {
        "invalid_auth", "account_inactive", "token_revoked", "token_expired", "not_authed", "team_access_not_granted", "ekm_access_denied",
    };

    // Permanent errors that mean "this person or channel cannot be reached", as opposed to a malformed message.
    private static readonly HashSet<string> Unreachable = new(StringComparer.Ordinal)
    {
        "channel_not_found", "not_in_channel", "is_archived", "user_not_found", "user_not_visible", "user_disabled",
        "messages_tab_disabled", "cannot_dm_bot", "user_not_in_channel", "restricted_action", "restricted_action_read_only_channel",
    };

    public static SlackErrorClass Classify(string error) =>
        Retryable.Contains(error) ? SlackErrorClass.Retryable
        : WorkspaceFatal.Contains(error) ? SlackErrorClass.WorkspaceFatal
        : SlackErrorClass.Permanent;

    public static SlackErrorClass ClassifyStatus(int httpStatus) =>
        httpStatus == 429 || httpStatus >= 500 || httpStatus == 408 ? SlackErrorClass.Retryable : SlackErrorClass.Permanent;

    public static ChatFailureKind ToFailureKind(SlackErrorClass errorClass, string error) => errorClass switch
    {
        SlackErrorClass.Retryable => ChatFailureKind.Retryable,
        SlackErrorClass.WorkspaceFatal => ChatFailureKind.WorkspaceFatal,
        _ when Unreachable.Contains(error) => ChatFailureKind.Unreachable,
        _ => ChatFailureKind.Permanent,
    };
}
