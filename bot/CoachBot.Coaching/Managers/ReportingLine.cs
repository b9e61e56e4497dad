using Dapper;
using Npgsql;

namespace CoachBot.Coaching.Managers;

/// <summary>Walks person.manager_id up (a rep's managers) and down (everyone under a manager). UNION stops cycles.</summary>
public sealed class ReportingLine(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyList<long>> ManagersAboveAsync(long personId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<long>(new CommandDefinition("""
            with recursive chain(id, depth) as (
                select manager_id, 1 from person where id = @personId and manager_id is not null
                union
                select p.manager_id, c.depth + 1 from person p join chain c on p.id = c.id
                where p.manager_id is not null and c.depth < 20
            )
            select distinct id from chain
            """, new { personId }, cancellationToken: cancellationToken))).ToList();
    }

    public async Task<IReadOnlyList<long>> PeopleUnderAsync(long managerId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<long>(new CommandDefinition("""
            with recursive team(id, depth) as (
                select id, 1 from person where manager_id = @managerId
                union
                select p.id, t.depth + 1 from person p join team t on p.manager_id = t.id where t.depth < 20
            )
            select distinct id from team where id <> @managerId
            """, new { managerId }, cancellationToken: cancellationToken))).ToList();
    }

    /// <summary>Everyone in the workspace but the admin asking: admins see the whole roster.</summary>
    public async Task<IReadOnlyList<long>> EveryoneInAsync(long workspaceId, long exceptId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<long>(new CommandDefinition(
            "select id from person where workspace_id = @workspaceId and id <> @exceptId",
            new { workspaceId, exceptId }, cancellationToken: cancellationToken))).ToList();
    }
}
