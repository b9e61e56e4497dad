using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CoachBot.Bot.Health;

public static class HealthRegistration
{
    public const string Ready = "ready";
    public const string Postgres = "postgresql";

    public static WebApplicationBuilder AddCoachBotHealth(this WebApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks()
            .AddPostgres()
            .AddCheck<SchemaHealthCheck>("schema", tags: [Ready])
            .AddCheck<HangfireStorageHealthCheck>("hangfire", tags: [Ready]);
        return builder;
    }

    /// <summary>The library's check over the app's own NpgsqlDataSource (one pool), "select 1" within 3 s.</summary>
    internal static IHealthChecksBuilder AddPostgres(this IHealthChecksBuilder checks) =>
        checks.AddNpgSql(name: Postgres, tags: [Ready], timeout: TimeSpan.FromSeconds(3));

    public static IEndpointRouteBuilder MapCoachBotHealth(this IEndpointRouteBuilder app)
    {
        // Liveness: the process answers. Readiness: what it depends on answers too.
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync });
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready), ResponseWriter = WriteAsync });
        return app;
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), detail = Detail(e.Key, e.Value) }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, JsonSerializerOptions.Web));
    }

    // The library puts the exception's message in the description; a probe answer names only its type (no hosts, no users).
    internal static string? Detail(string name, HealthReportEntry entry) => entry switch
    {
        { Status: HealthStatus.Healthy } => entry.Description,
        { Exception: { } ex } when name == Postgres => $"PostgreSQL unreachable: {ex.GetType().Name}",
        { Exception: { } ex } => $"{name} failed: {ex.GetType().Name}",
        _ => entry.Description,
    };
}
