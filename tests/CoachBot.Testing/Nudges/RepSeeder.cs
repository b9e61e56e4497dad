using CoachBot.Coaching.Chat;
using CoachBot.Coaching.People;
using Npgsql;

namespace CoachBot.Testing.Nudges;

/// <summary>Puts a rep with a coaching profile in the database, the way onboarding would leave them.</summary>
public sealed class RepSeeder(NpgsqlDataSource dataSource)
{
    public async Task<Person> SeedAsync(
        string name = "Sam Rivera",
        string? style = "analytical",
        string race = "sprint",
        string experience = "newer",
        string[]? focus = null,
        string? goal = "reach 120% of quota",
        string timeZone = "America/Chicago")
    {
        var key = new PersonKey(ChatPlatform.Slack, "T0001", $"U{Guid.NewGuid():N}"[..12].ToUpperInvariant());
        var person = await new PersonDirectory(dataSource).UpsertAsync(new Sender(key, name, TimeZone: timeZone), CancellationToken.None);
        await using var insert = dataSource.CreateCommand("""
            insert into rep_profile (person_id, style, style_source, race, focus_skills, experience, goals, onboarding_step)
            values ($1, $2, case when $2 is null then 'unknown' else 'quiz' end, $3, $4, $5, $6, 'done')
            """);
        insert.Parameters.Add(new() { Value = person.Id });
        insert.Parameters.Add(new() { Value = (object?)style ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        insert.Parameters.Add(new() { Value = race });
        insert.Parameters.Add(new() { Value = focus ?? ["discovery", "closing"] });
        insert.Parameters.Add(new() { Value = experience });
        insert.Parameters.Add(new() { Value = (object?)goal ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        await insert.ExecuteNonQueryAsync();
        return person;
    }

    public async Task SetStyleAsync(long personId, string style)
    {
        await using var update = dataSource.CreateCommand("update rep_profile set style = $1 where person_id = $2");
        update.Parameters.Add(new() { Value = style });
        update.Parameters.Add(new() { Value = personId });
        await update.ExecuteNonQueryAsync();
    }
}
