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

    /// <summary>A nudge later than this after its slot is marked expired instead of arriving at a silly hour.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan MaxLateness { get; set; } = TimeSpan.FromHours(2);

    /// <summary>Working time (the rep's working hours only) before an unanswered nudge gets its one follow-up.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "7.00:00:00")]
    public TimeSpan FollowUpAfter { get; set; } = TimeSpan.FromHours(4);

    /// <summary>
    /// Reps claimed per dispatcher transaction. A batch costs three round trips whatever its size (its rows travel as
    /// arrays), so thousands per batch keep a tick of 100,000 reps to a few seconds; its locks are held for one batch.
    /// </summary>
    [Range(10, 20_000)]
    public int DispatchBatchSize { get; set; } = 5000;

    /// <summary>Deliveries per send job (one workspace or tenant each).</summary>
    [Range(50, 200)]
    public int SendBatchSize { get; set; } = 100;

    /// <summary>Sends of one batch in flight together (one claim and one rate reservation per chunk of this size).</summary>
    [Range(1, 50)]
    public int SendConcurrency { get; set; } = 8;

    /// <summary>Teams cannot be searched after a crash mid-send: skip (at most once) or resend (at least once).</summary>
    public UnknownOutcomePolicy UnknownOutcomePolicy { get; set; } = UnknownOutcomePolicy.AtMostOnce;

    /// <summary>A claimed delivery not recorded within this lease is treated as abandoned by a crashed instance.</summary>
    [Range(typeof(TimeSpan), "00:00:30", "00:30:00")]
    public TimeSpan DeliveryLease { get; set; } = TimeSpan.FromMinutes(2);

    [Range(1, 20)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Longest a send worker sleeps for a rate slot; longer waits reschedule the batch so others go first.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:30")]
    public TimeSpan MaxRateWait { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// How long a send job that holds a workspace's rate may carry on with that workspace's other due deliveries
    /// before it hands the worker back. Zero turns carrying on off (each batch sends only its own ids).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:30:00")]
    public TimeSpan SendLaneBudget { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Secret (env Jobs__DashboardAdminKey): full Hangfire dashboard. Unset = no dashboard at all.</summary>
    [MinLength(24, ErrorMessage = "Jobs:DashboardAdminKey must be at least 24 characters")]
    public string? DashboardAdminKey { get; set; }

    /// <summary>Secret (env Jobs__DashboardViewerKey): read-only dashboard for operators who are not admins.</summary>
    [MinLength(24, ErrorMessage = "Jobs:DashboardViewerKey must be at least 24 characters")]
    public string? DashboardViewerKey { get; set; }
}
