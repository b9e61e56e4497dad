using CoachBot.Coaching.Data;
using Hangfire;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CoachBot.Bot.Hosting;

public static class CoachBotRunner
{
    /// <summary>
    /// Maps the endpoints and runs the host, or the <c>migrate</c> command. Configuration and database errors end in one
    /// clear line, wherever they surface: mapping resolves services (Hangfire's dashboard reads the jobs options).
    /// </summary>
    public static async Task<int> RunCoachBotAsync(this WebApplication app, string[] args, Action<WebApplication> mapEndpoints)
    {
        try
        {
            // Check settings and the database before the host logs a stack trace for either.
            app.Services.GetRequiredService<IStartupValidator>().Validate();
            await using (var connection = await app.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync())
            {
            }

            if (args.Contains("migrate", StringComparer.OrdinalIgnoreCase))
            {
                var applied = app.Services.GetRequiredService<DatabaseMigrator>()
                    .Migrate(app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.CoachBot);
                _ = app.Services.GetRequiredService<JobStorage>(); // prepares the Hangfire schema
                Console.WriteLine($"Migrations applied: {applied.Count}. Database is up to date.");
                return 0;
            }

            mapEndpoints(app);
            await app.RunAsync();
            return 0;
        }
        catch (Exception ex) when (StartupFailure.Describe(ex) is { } line)
        {
            await Console.Error.WriteLineAsync($"CoachBot cannot start: {line}");
            return 1;
        }
    }
}

internal static class StartupFailure
{
    public static string? Describe(Exception ex)
    {
        for (var e = ex; e is not null; e = e.InnerException ?? (e as AggregateException)?.InnerExceptions.FirstOrDefault())
        {
            switch (e)
            {
                case OptionsValidationException options:
                    return string.Join("; ", options.Failures);
                case NpgsqlException db:
                    return $"{DatabaseOptions.Key}: cannot use the database ({db.Message})";
            }
        }

        return null;
    }
}
