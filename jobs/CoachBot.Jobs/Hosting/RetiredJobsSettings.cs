using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace CoachBot.Jobs.Hosting;

/// <summary>
/// Refuses to start with a Jobs setting that is no longer read, naming the one that replaced it: the nudge pace moved
/// to the platform's own setting (one setting per limit), and a silently ignored old value would change the pace.
/// </summary>
internal sealed class RetiredJobsSettings(IConfiguration configuration) : IValidateOptions<JobsOptions>
{
    private static readonly (string Old, string New)[] Moved =
    [
        ("SlackMessagesPerMinute", "Slack:PostPerWorkspacePerMinute"),
        ("TeamsRequestsPerSecond", "Teams:RequestsPerSecondPerTenant"),
    ];

    public ValidateOptionsResult Validate(string? name, JobsOptions options)
    {
        var section = configuration.GetSection(JobsOptions.Section);
        var failures = Moved
            .Where(m => section[m.Old] is not null)
            .Select(m => $"{JobsOptions.Section}:{m.Old} is no longer read: set {m.New} instead (one setting for nudges and every other send).")
            .ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
