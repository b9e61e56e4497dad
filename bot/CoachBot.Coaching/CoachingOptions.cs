using Microsoft.Extensions.Options;

namespace CoachBot.Coaching;

/// <summary>The "Coaching" section: settings of the coaching core.</summary>
public sealed class CoachingOptions
{
    public const string Section = "Coaching";

    /// <summary>An intent is not sent to the same rep again within this many days.</summary>
    public int RepeatWindowDays { get; set; } = 30;

    public TimeSpan RepeatWindow => TimeSpan.FromDays(RepeatWindowDays);

    /// <summary>
    /// Emails or platform user ids of the first admins. Everyone else gets a role from an admin
    /// (<c>managers add</c>, <c>import</c>), never from platform admin flags.
    /// </summary>
    public string[] Admins { get; set; } = [];
}

public sealed class CoachingOptionsValidator : IValidateOptions<CoachingOptions>
{
    public ValidateOptionsResult Validate(string? name, CoachingOptions options) =>
        options.RepeatWindowDays is < 0 or > 365
            ? ValidateOptionsResult.Fail($"{CoachingOptions.Section}:RepeatWindowDays must be between 0 and 365 days (got {options.RepeatWindowDays}).")
            : ValidateOptionsResult.Success;
}
