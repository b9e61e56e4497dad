using Microsoft.Extensions.Options;
using Npgsql;

namespace CoachBot.Coaching.Data;

/// <summary>Bound from <c>ConnectionStrings</c>; the app's tables and Hangfire's schema share one database.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "ConnectionStrings";
    public const string Key = "ConnectionStrings:CoachBot";

    public string CoachBot { get; set; } = "";
}

public sealed class DatabaseOptionsValidator : IValidateOptions<DatabaseOptions>
{
    public ValidateOptionsResult Validate(string? name, DatabaseOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.CoachBot))
        {
            return ValidateOptionsResult.Fail($"{DatabaseOptions.Key} is missing: set it to a PostgreSQL connection string (e.g. Host=127.0.0.1;Port=55432;Username=coachbot;Database=coachbot).");
        }

        try
        {
            var builder = new NpgsqlConnectionStringBuilder(options.CoachBot);
            if (string.IsNullOrWhiteSpace(builder.Host))
            {
                return ValidateOptionsResult.Fail($"{DatabaseOptions.Key} has no Host.");
            }
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or KeyNotFoundException)
        {
            return ValidateOptionsResult.Fail($"{DatabaseOptions.Key} is not a valid PostgreSQL connection string: {ex.Message}");
        }

        return ValidateOptionsResult.Success;
    }
}
