using CoachBot.Jobs.Hosting;
using Hangfire;
using Microsoft.Extensions.Options;

namespace CoachBot.Bot.Jobs;

public static partial class DashboardEndpoints
{
    public const string Path = "/hangfire";

    /// <summary>
    /// The Hangfire dashboard at /hangfire: admins (admin key) get everything, viewers (viewer key) a read-only view,
    /// everyone else 401. Without an admin key it is not mapped at all. It shows job ids, never message text.
    /// </summary>
    public static IEndpointRouteBuilder MapCoachBotDashboard(this IEndpointRouteBuilder app)
    {
        // Read raw here: validated options are only built once the runner has checked them and can report errors.
        var configuration = app.ServiceProvider.GetRequiredService<IConfiguration>();
        if (string.IsNullOrEmpty(configuration[$"{JobsOptions.Section}:{nameof(JobsOptions.DashboardAdminKey)}"]))
        {
            // Said once the server runs, not while building the app: `migrate` builds it too, and run.sh printed it twice.
            var logger = app.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DashboardEndpoints));
            app.ServiceProvider.GetRequiredService<IHostApplicationLifetime>().ApplicationStarted.Register(() => LogDashboardOff(logger));
            return app;
        }

        var filter = new DashboardKeyFilter(() => app.ServiceProvider.GetRequiredService<IOptions<JobsOptions>>().Value);
        var options = new DashboardOptions
        {
            // Replaces the default local-requests-only filter: being on the same host proves nothing behind a proxy.
            Authorization = [filter],
            IsReadOnlyFunc = DashboardKeyFilter.IsReadOnly,
            DisplayStorageConnectionString = false,
            DashboardTitle = "CoachBot jobs",
            AppPath = null,
        };
        // Wraps the endpoint's own delegate, so the guard runs for the dashboard only and Hangfire's mapping stays as shipped.
        var guard = ActivatorUtilities.CreateInstance<DashboardInputGuard>(app.ServiceProvider, options);
        app.MapHangfireDashboard(Path, options).Add(endpoint =>
        {
            var hangfire = endpoint.RequestDelegate!;
            endpoint.RequestDelegate = http => guard.InvokeAsync(http, hangfire);
        });
        return app;
    }

    [LoggerMessage(EventId = 4050, Level = LogLevel.Information, Message = "Hangfire dashboard off: set Jobs__DashboardAdminKey to enable /hangfire")]
    private static partial void LogDashboardOff(ILogger logger);
}
