using CoachBot.Coaching.People;
using Dapper;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CoachBot.Coaching.Escalations;

/// <summary>The owner's working hours and time zone: their own schedule row if they have one, else Mon–Fri 09:00–17:30.</summary>
public sealed class OwnerCalendar(NpgsqlDataSource dataSource, PersonDirectory people, ILogger<OwnerCalendar> logger)
{
    public async Task<(WorkingHours Hours, TimeZoneInfo Zone)> ForAsync(long? personId, CancellationToken cancellationToken)
    {
        var person = personId is { } id ? await people.GetAsync(id, cancellationToken) : null;
        var zone = TimeZoneInfo.Utc;
        if (person is not null && !TimeZoneInfo.TryFindSystemTimeZoneById(person.TimeZone, out zone))
        {
            Log.UnknownTimeZone(logger, person.TimeZone);
            zone = TimeZoneInfo.Utc;
        }

        if (person is null)
        {
            return (WorkingHours.Default, zone!);
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ScheduleRow>(new CommandDefinition(
            "select working_days, day_start, day_end from rep_schedule where person_id = @id",
            new { id = person.Id }, cancellationToken: cancellationToken));
        var hours = row is null
            ? WorkingHours.Default
            : new WorkingHours(row.working_days.Select(d => (int)d).ToHashSet(), TimeOnly.FromTimeSpan(row.day_start), TimeOnly.FromTimeSpan(row.day_end));
        return (hours, zone!);
    }

    private sealed record ScheduleRow(short[] working_days, TimeSpan day_start, TimeSpan day_end);
}
