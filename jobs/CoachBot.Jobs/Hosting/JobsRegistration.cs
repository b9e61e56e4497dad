using CoachBot.Coaching.Data;
using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.PostgreSql;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CoachBot.Jobs.Hosting;

public static class JobsRegistration
{
    public static IHostApplicationBuilder AddCoachBotJobs(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<JobsOptions>()
            .BindConfiguration(JobsOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<JobsOptions>, RetiredJobsSettings>();

        // Hangfire's own registration hands out the process-wide JobStorage.Current; this app's storage is kept here
        // instead, so a process hosting several apps (tests, a future split) never runs jobs against another's database.
        var storage = new HangfireStorageHolder();
        var connections = new HangfireConnections();
        builder.Services.AddSingleton(connections);
        builder.Services.AddSingleton<JobStorage>(services =>
        {
            services.GetRequiredService<IGlobalConfiguration>();
            return storage.Storage ?? throw new InvalidOperationException("Hangfire storage was not configured.");
        });

        // Likewise the job activator: Hangfire's default is the process-wide JobActivator.Current, which may belong to
        // another (even disposed) app in the same process; jobs must be built from this app's own services.
        builder.Services.AddSingleton<JobActivator>(services => new AspNetCoreJobActivator(services.GetRequiredService<IServiceScopeFactory>()));

        builder.Services.AddHangfire((services, config) =>
        {
            var jobs = services.GetRequiredService<IOptions<JobsOptions>>().Value;
            var database = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            var storageOptions = new PostgreSqlStorageOptions
            {
                SchemaName = jobs.SchemaName,
                UseSlidingInvisibilityTimeout = true,
                InvisibilityTimeout = jobs.InvisibilityTimeout,
                QueuePollInterval = jobs.QueuePollInterval,
                DistributedLockTimeout = jobs.DistributedLockTimeout,
                AllowDegradedModeWithoutStorage = false,
                PrepareSchemaIfNecessary = true,
                EnableLongPolling = false,
            };

            // Hangfire gets its own pool, sized separately from the app's, so its workers cannot starve requests.
            var hangfireDataSource = new NpgsqlDataSourceBuilder(new NpgsqlConnectionStringBuilder(database.CoachBot)
            {
                MaxPoolSize = jobs.MaxPoolSize,
                ApplicationName = "coachbot-hangfire",
            }.ConnectionString).Build();
            connections.DataSource = hangfireDataSource;

            config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            storage.Storage = config.UsePostgreSqlStorage(c => c.UseConnectionFactory(new DataSourceConnectionFactory(hangfireDataSource)), storageOptions).Entry;
        });

        var runServer = builder.Configuration.GetValue($"{JobsOptions.Section}:{nameof(JobsOptions.RunServer)}", true);
        if (runServer)
        {
            builder.Services.AddHangfireServer((services, server) =>
            {
                var jobs = services.GetRequiredService<IOptions<JobsOptions>>().Value;
                server.WorkerCount = jobs.WorkerCount;
                server.SchedulePollingInterval = jobs.SchedulePollingInterval;
                server.Queues = JobQueues.All;
            });
        }

        return builder;
    }

    private sealed class HangfireStorageHolder
    {
        public JobStorage? Storage { get; set; }
    }
}
