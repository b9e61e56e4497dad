namespace CoachBot.Bot.WebConsole.Pages;

/// <summary>
/// What a delivery problem (rate limit, unknown outcome) means and what to do about it, in plain sentences. Why someone
/// cannot be reached at all is ReachAdvice's, in the core: the chat and the console share that one table.
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

    private static string Platform(string platform) => platform == "teams" ? "Teams" : "Slack";

    private static string Code(string? code) => string.IsNullOrEmpty(code) ? "no error code" : $"code {code}";
}
