using CoachBot.Coaching.People;
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

        // Read with typed getters: Npgsql hands back time as TimeOnly and smallint[] as an array, which Dapper's record
        // constructor matching does not accept (it failed for every owner who also has a schedule row).
        await using var command = dataSource.CreateCommand("select working_days, day_start, day_end from rep_schedule where person_id = $1");
        command.Parameters.AddWithValue(person.Id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var hours = await reader.ReadAsync(cancellationToken)
            ? new WorkingHours(reader.GetFieldValue<short[]>(0).Select(d => (int)d).ToHashSet(), reader.GetFieldValue<TimeOnly>(1), reader.GetFieldValue<TimeOnly>(2))
            : WorkingHours.Default;
        return (hours, zone!);
    }
}
