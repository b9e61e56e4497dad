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

    /// <summary>Whether the settings name this user id or email as a first admin (registration applies it in its own statement).</summary>
    public bool IsConfiguredAdmin(string userId, string? email) => options.Value.Admins.Any(a =>
        a.Equals(userId, StringComparison.Ordinal) || (email is not null && a.Equals(email, StringComparison.OrdinalIgnoreCase)));

    private bool IsConfiguredAdmin(Person person) => IsConfiguredAdmin(person.Key.UserId, person.Email);
}
