using Dapper;
using Npgsql;

namespace CoachBot.Testing.Conversation;

/// <summary>Direct reads of a rep's rows, for asserting what was (and wasn't) stored.</summary>
public static class RepDatabase
{
    public static async Task<T> ScalarAsync<T>(this NpgsqlDataSource dataSource, string sql, object? args = null)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return (await connection.ExecuteScalarAsync<T>(new CommandDefinition(sql, args)))!;
    }

    public static async Task<DateTimeOffset?> TimestampAsync(this NpgsqlDataSource dataSource, string sql, object? args = null)
    {
        var value = await dataSource.ScalarAsync<DateTime?>(sql, args);
        return value is { } v ? new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc)) : null;
    }

    public static async Task ExecuteAsync(this NpgsqlDataSource dataSource, string sql, object? args = null)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await connection.ExecuteAsync(new CommandDefinition(sql, args));
    }

    public static Task<long> PersonIdAsync(this NpgsqlDataSource dataSource, RepConversation rep) =>
        dataSource.ScalarAsync<long>("select id from person where platform_user_id = @id", new { id = rep.Sender.Key.UserId });

    /// <summary>Registers the rep and finishes setup by skipping every step, so tests start from an onboarded rep.</summary>
    public static async Task<long> OnboardedAsync(this NpgsqlDataSource dataSource, RepConversation rep, string? style = null)
    {
        await rep.StartAsync();
        foreach (var step in (string[])["quiz", "race", "focus", "goals", "hours"])
        {
            await rep.PressAsync("onboard.skip", step);
        }

        if (style is not null)
        {
            await rep.SayAsync($"style {style}");
        }

        return await dataSource.PersonIdAsync(rep);
    }
}
