using CoachBot.Coaching.Chat;
using CoachBot.Coaching.People;
using Dapper;
using Npgsql;

namespace CoachBot.Coaching.Managers;

public sealed record PersonLookup(Person? Person, string? Problem);

/// <summary>
/// Finds the person a manager named, within the manager's workspace only. A name matches a full name first, then a
/// first name or the part of an email before the @; when that is not one person, the answer lists who came close.
/// </summary>
public sealed class PersonResolver(NpgsqlDataSource dataSource, PersonDirectory people)
{
    private const int MaxListed = 5;

    public async Task<PersonLookup> ResolveAsync(long workspaceId, PersonRef reference, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var candidates = (await connection.QueryAsync<(long Id, string Name, int Rank)>(new CommandDefinition(Sql(reference.Kind),
            new { workspaceId, value = reference.Value }, cancellationToken: cancellationToken))).ToList();
        var best = candidates.Count == 0 ? [] : candidates.Where(c => c.Rank == candidates.Min(x => x.Rank)).ToList();
        if (best.Count == 1)
        {
            return new(await people.GetAsync(best[0].Id, cancellationToken), null);
        }

        if (best.Count > 1)
        {
            return new(null, $"Several people match {reference.Shown}: {List(best.Select(c => c.Name))}. Use their full name, a @mention or their email.");
        }

        var near = reference.Kind == PersonRefKind.Name ? await NearAsync(connection, workspaceId, reference.Value, cancellationToken) : [];
        var didYouMean = near.Count == 0 ? "" : $" Did you mean {List(near)}?";
        return new(null, $"I can't find {reference.Shown} in CoachBot's roster here.{didYouMean} {PersonRef.Forms}");
    }

    // Rank 0 is the strongest match; only the strongest rank found counts.
    private static string Sql(PersonRefKind kind) => kind switch
    {
        PersonRefKind.UserId => "select id, display_name, 0 from person where workspace_id = @workspaceId and platform_user_id = @value",
        PersonRefKind.Email => "select id, display_name, 0 from person where workspace_id = @workspaceId and lower(email) = lower(@value)",
        _ => """
            select id, display_name, rank from (
                select id, display_name,
                       case when lower(regexp_replace(display_name, '\s+', ' ', 'g')) = lower(@value) then 0
                            when lower(split_part(display_name, ' ', 1)) = lower(@value) or lower(split_part(email, '@', 1)) = lower(@value) then 1
                       end as rank
                from person where workspace_id = @workspaceId) named
            where rank is not null order by rank, display_name limit 20
            """,
    };

    // People whose name contains what was typed, or whose first name is a typo away from it.
    private static async Task<IReadOnlyList<string>> NearAsync(NpgsqlConnection connection, long workspaceId, string typed, CancellationToken cancellationToken)
    {
        var names = await connection.QueryAsync<string>(new CommandDefinition("""
            select display_name from person where workspace_id = @workspaceId and display_name <> '' order by display_name limit 5000
            """, new { workspaceId }, cancellationToken: cancellationToken));
        return names.Where(name => IsNear(name, typed)).Take(MaxListed).ToList();
    }

    private static bool IsNear(string name, string typed) =>
        name.Contains(typed, StringComparison.OrdinalIgnoreCase)
        || typed.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(word => word.Length >= 3 && name.Contains(word, StringComparison.OrdinalIgnoreCase))
        || Conversation.EditDistance.Between(name, typed) <= Math.Max(1, typed.Length / 4);

    private static string List(IEnumerable<string> names)
    {
        var all = names.ToList();
        var shown = string.Join(", ", all.Take(MaxListed).Select(UserText.Of));
        return all.Count > MaxListed ? $"{shown} and {all.Count - MaxListed} more" : shown;
    }
}
