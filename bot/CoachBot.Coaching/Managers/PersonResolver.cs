using CoachBot.Coaching.People;
using Dapper;
using Npgsql;

namespace CoachBot.Coaching.Managers;

public sealed record PersonLookup(Person? Person, string? Problem);

/// <summary>Finds the person a manager named, within the manager's workspace only.</summary>
public sealed class PersonResolver(NpgsqlDataSource dataSource, PersonDirectory people)
{
    public async Task<PersonLookup> ResolveAsync(long workspaceId, PersonRef reference, CancellationToken cancellationToken)
    {
        var column = reference.Kind switch
        {
            PersonRefKind.UserId => "platform_user_id = @value",
            PersonRefKind.Email => "lower(email) = lower(@value)",
            _ => "lower(display_name) = lower(@value)",
        };
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var ids = (await connection.QueryAsync<long>(new CommandDefinition(
            $"select id from person where workspace_id = @workspaceId and {column} order by id limit 2",
            new { workspaceId, value = reference.Value }, cancellationToken: cancellationToken))).ToList();
        return ids switch
        {
            [] => new(null, $"I can't find {CommandArguments.Shorten(reference.ToString())} in CoachBot's roster here."),
            [var id] => new(await people.GetAsync(id, cancellationToken), null),
            _ => new(null, $"Several people match {CommandArguments.Shorten(reference.ToString())}; use a @mention or their email."),
        };
    }
}
