namespace CoachBot.Testing.Logging;

/// <summary>
/// ASP.NET Core's health check service logs every unhealthy probe at Error. A test that takes PostgreSQL away and probes
/// readiness provokes these on purpose; anything else logged at Error still fails it.
/// </summary>
public static class HealthChecksDuringOutage
{
    public static bool Match(LoggedEntry entry) =>
        entry.Category == "Microsoft.Extensions.Diagnostics.HealthChecks.DefaultHealthCheckService" && entry.EventId.Id is 103 or 104;
}
