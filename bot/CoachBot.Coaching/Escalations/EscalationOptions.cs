using Microsoft.Extensions.Options;

namespace CoachBot.Coaching.Escalations;

public sealed class EscalationOptions
{
    public const string Section = "Escalations";

    /// <summary>Working time of the owner before an unacknowledged escalation triggers a reminder.</summary>
    public TimeSpan AckDeadline { get; set; } = TimeSpan.FromHours(4);

    /// <summary>Further working time after the reminder before it goes to the owner's own manager.</summary>
    public TimeSpan SkipLevelAfter { get; set; } = TimeSpan.FromHours(4);

    /// <summary>Nudges missed in a row that raise an escalation (no rep text is included).</summary>
    public int MissedNudgesInARow { get; set; } = 3;

    /// <summary>How long the Snooze button defers reminders when no duration is given.</summary>
    public TimeSpan DefaultSnooze { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Keywords every workspace watches for in shared replies, besides the ones managers add.</summary>
    public List<string> Keywords { get; set; } = [];
}

public sealed class EscalationOptionsValidator : IValidateOptions<EscalationOptions>
{
    public ValidateOptionsResult Validate(string? name, EscalationOptions options)
    {
        var failures = new List<string>();
        if (options.AckDeadline <= TimeSpan.Zero || options.AckDeadline > TimeSpan.FromDays(10))
        {
            failures.Add("Escalations:AckDeadline must be between 00:00:01 and 10.00:00:00 (working time).");
        }

        if (options.SkipLevelAfter <= TimeSpan.Zero || options.SkipLevelAfter > TimeSpan.FromDays(10))
        {
            failures.Add("Escalations:SkipLevelAfter must be between 00:00:01 and 10.00:00:00 (working time).");
        }

        if (options.MissedNudgesInARow is < 1 or > 50)
        {
            failures.Add("Escalations:MissedNudgesInARow must be between 1 and 50.");
        }

        if (options.DefaultSnooze <= TimeSpan.Zero || options.DefaultSnooze > TimeSpan.FromDays(30))
        {
            failures.Add("Escalations:DefaultSnooze must be between 00:00:01 and 30.00:00:00.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
