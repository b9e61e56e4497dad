namespace CoachBot.Bot.WebConsole.Pages;

/// <summary>
/// What a ledger or roster error code means and what a person should do about it, in plain sentences. Codes are the
/// platform's own (Slack's <c>ok:false</c> errors, Teams' "status code"), never message text.
/// </summary>
public static class DeliveryAdvice
{
    public sealed record Advice(string Reason, string WhatToDo);

    public static bool IsRateLimit(string? code) =>
        code is "ratelimited" or "rate_limited" || (code?.StartsWith("429", StringComparison.Ordinal) ?? false);

    public static Advice RateLimited(string platform) => new(
        $"{Platform(platform)} asked CoachBot to slow down (HTTP 429, too many requests), so this nudge waited for the time it was told to wait.",
        "Nothing, unless this happens every day: CoachBot retries on its own. If it repeats, spread the reps' send times so fewer nudges go out in the same minute.");

    public static Advice UnknownOutcome(string platform, string? code) => new(
        $"The call to {Platform(platform)} broke off after it may already have arrived ({Code(code)}), and {Platform(platform)} cannot be searched to check, so CoachBot did not send it again to avoid a duplicate.",
        "Ask the rep whether they received this nudge. If these are frequent, check the network between CoachBot and the platform; an admin can switch the unknown-outcome policy to resend instead.");

    public static Advice Unreachable(string? code) => code switch
    {
        "user_not_found" or "user_disabled" or "account_inactive" => new(
            "The platform says this person's account no longer exists or has been deactivated.",
            "Remove them from the roster, or update their account if they moved to a new one."),
        "cannot_dm_bot" or "messages_tab_disabled" or "not-installed" or "marked-unreachable" => new(
            "CoachBot cannot open a direct conversation with this person: the app is not installed for them or its messages tab is turned off.",
            "Ask them to open CoachBot in Slack or Teams and send it any message; that reconnects them and nudges resume."),
        "channel_not_found" or "not_in_channel" or "is_archived" or "user_not_in_channel" or "unknown-conversation" => new(
            "The conversation CoachBot used for this person is gone or archived.",
            "Ask them to send CoachBot a direct message; CoachBot opens a fresh conversation from it."),
        _ => new(
            $"The platform refused to deliver to this person ({Code(code)}).",
            "Ask them to send CoachBot a direct message to reconnect; if it keeps happening, check their account with your Slack or Teams admin."),
    };

    private static string Platform(string platform) => platform == "teams" ? "Teams" : "Slack";

    private static string Code(string? code) => string.IsNullOrEmpty(code) ? "no error code" : $"code {code}";
}
