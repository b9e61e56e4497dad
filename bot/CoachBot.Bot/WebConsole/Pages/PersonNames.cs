using Dapper;
using Npgsql;

namespace CoachBot.Bot.WebConsole.Pages;

/// <summary>Display names for a set of person ids in one query (escalation owners and reps).</summary>
public sealed class PersonNames(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyDictionary<long, string>> ForAsync(IEnumerable<long> ids, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(long Id, string Name)>(new CommandDefinition(
            "select id, display_name from person where id = any(@ids)", new { ids = ids.Distinct().ToArray() }, cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.Id, r => r.Name);
    }
}
