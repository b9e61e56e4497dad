using System.ComponentModel.DataAnnotations;

namespace CoachBot.Jobs.Hosting;

public sealed class JobsOptions
{
    public const string Section = "Jobs";

    /// <summary>Run a Hangfire server in this process. Web-only replicas set this to false.</summary>
    public bool RunServer { get; set; } = true;

    [Range(1, 100)]
    public int WorkerCount { get; set; } = 10;

    [Required, RegularExpression("^[a-z_][a-z0-9_]*$", ErrorMessage = "must be a lowercase PostgreSQL identifier")]
    public string SchemaName { get; set; } = "hangfire";

    [Range(typeof(TimeSpan), "00:00:01", "00:01:00")]
    public TimeSpan QueuePollInterval { get; set; } = TimeSpan.FromSeconds(2);

    [Range(typeof(TimeSpan), "00:01:00", "01:00:00")]
    public TimeSpan InvisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);

    [Range(typeof(TimeSpan), "00:00:30", "00:30:00")]
    public TimeSpan DistributedLockTimeout { get; set; } = TimeSpan.FromMinutes(2);

    [Range(typeof(TimeSpan), "00:00:01", "00:01:00")]
    public TimeSpan SchedulePollingInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Largest number of pooled connections Hangfire may open from this instance.</summary>
    [Range(5, 200)]
    public int MaxPoolSize { get; set; } = 30;
}
