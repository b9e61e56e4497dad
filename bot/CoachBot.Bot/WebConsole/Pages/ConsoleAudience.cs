using CoachBot.Coaching.People;
using Dapper;
using Npgsql;

namespace CoachBot.Bot.WebConsole.Pages;

/// <summary>
/// Whom a viewer may see, from CoachBot's roster only: an admin the whole workspace, a manager themselves and everyone
/// under them (recursively, as <see cref="CoachBot.Coaching.Managers.ReportingLine"/> walks it), a rep only themselves.
/// One query; every page filters its rows by these ids, so scoping is decided once.
/// </summary>
public sealed class ConsoleAudience(NpgsqlDataSource dataSource)
{
    public async Task<long[]> PeopleAsync(ConsoleViewer viewer, CancellationToken cancellationToken)
    {
        if (viewer.Role == PersonRole.Rep)
        {
            return [viewer.PersonId];
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var sql = viewer.Role == PersonRole.Admin
            ? "select id from person where workspace_id = @workspaceId"
            : """
              with recursive team(id, depth) as (
                  select id, 0 from person where id = @personId and workspace_id = @workspaceId
                  union
                  select p.id, t.depth + 1 from person p join team t on p.manager_id = t.id
                  where p.workspace_id = @workspaceId and t.depth < 20
              )
              select distinct id from team
              """;
        var ids = await connection.QueryAsync<long>(new CommandDefinition(sql,
            new { workspaceId = viewer.WorkspaceId, personId = viewer.PersonId }, cancellationToken: cancellationToken));
        return [.. ids];
    }
}
