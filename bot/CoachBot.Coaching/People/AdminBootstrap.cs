using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CoachBot.Coaching.People;

/// <summary>Makes the configured first admins admins on contact, so a fresh install has someone who can grant roles.</summary>
public sealed class AdminBootstrap(NpgsqlDataSource dataSource, IOptions<CoachingOptions> options)
{
    public async Task<Person> ApplyAsync(Person person, CancellationToken cancellationToken)
    {
        if (person.Role == PersonRole.Admin || !IsConfiguredAdmin(person))
        {
            return person;
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("""
            update person set role = 'admin', updated_at = now() where id = @id;
            insert into audit_entry (actor_id, action, subject_id, detail) values (null, 'role.bootstrap_admin', @id, 'Coaching:Admins');
            """, new { id = person.Id }, cancellationToken: cancellationToken));
        return person with { Role = PersonRole.Admin };
    }

    private bool IsConfiguredAdmin(Person person) => options.Value.Admins.Any(a =>
        a.Equals(person.Key.UserId, StringComparison.Ordinal)
        || (person.Email is not null && a.Equals(person.Email, StringComparison.OrdinalIgnoreCase)));
}
