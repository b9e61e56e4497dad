using CoachBot.Coaching.Chat;
using Dapper;
using Npgsql;

namespace CoachBot.Coaching.People;

/// <summary>Finds and registers the people CoachBot knows. Upserts are idempotent, so replays are harmless.</summary>
public sealed class PersonDirectory(NpgsqlDataSource dataSource)
{
    private const string Columns = """
        p.id, p.workspace_id, w.platform, w.external_id, p.platform_user_id, p.display_name, p.email, p.role,
        p.manager_id, p.time_zone, p.locale, p.reachable
        """;

    /// <summary>Registers the workspace and person on first contact, refreshing name, email and (unless overridden) time zone.</summary>
    public async Task<Person> UpsertAsync(Sender sender, CancellationToken cancellationToken)
    {
        var workspaceId = await EnsureWorkspaceAsync(sender.Key.Platform, sender.Key.WorkspaceId, cancellationToken);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("""
            insert into person (workspace_id, platform_user_id, display_name, email, time_zone, time_zone_source, locale)
            values (@workspaceId, @userId, @name, @email, coalesce(@tz, 'UTC'), case when @tz is null then 'default' else 'platform' end, coalesce(@locale, 'en-US'))
            on conflict (workspace_id, platform_user_id) do update set
                display_name = case when excluded.display_name <> '' then excluded.display_name else person.display_name end,
                email = coalesce(excluded.email, person.email),
                time_zone = case when person.time_zone_source = 'override' or @tz is null then person.time_zone else excluded.time_zone end,
                time_zone_source = case when person.time_zone_source = 'override' or @tz is null then person.time_zone_source else 'platform' end,
                locale = coalesce(@locale, person.locale),
                reachable = true,          -- they just wrote to us: reachable again
                unreachable_reason = null,
                updated_at = now()
            """,
            new { workspaceId, userId = sender.Key.UserId, name = sender.DisplayName, email = sender.Email, tz = sender.TimeZone, locale = sender.Locale },
            cancellationToken: cancellationToken));
        return (await FindAsync(sender.Key, cancellationToken))!;
    }

    public async Task<long> EnsureWorkspaceAsync(ChatPlatform platform, string externalId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition("""
            insert into workspace (platform, external_id) values (@platform, @externalId)
            on conflict (platform, external_id) do update set external_id = excluded.external_id
            returning id
            """, new { platform = PlatformName(platform), externalId }, cancellationToken: cancellationToken));
    }

    public async Task<Person?> FindAsync(PersonKey key, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<PersonRow>(new CommandDefinition($"""
            select {Columns} from person p join workspace w on w.id = p.workspace_id
            where w.platform = @platform and w.external_id = @workspace and p.platform_user_id = @user
            """, new { platform = PlatformName(key.Platform), workspace = key.WorkspaceId, user = key.UserId }, cancellationToken: cancellationToken));
        return row?.ToPerson();
    }

    public async Task<Person?> GetAsync(long personId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<PersonRow>(new CommandDefinition(
            $"select {Columns} from person p join workspace w on w.id = p.workspace_id where p.id = @personId",
            new { personId }, cancellationToken: cancellationToken));
        return row?.ToPerson();
    }

    public static string PlatformName(ChatPlatform platform) => platform == ChatPlatform.Slack ? "slack" : "teams";

    private sealed record PersonRow(
        long id, long workspace_id, string platform, string external_id, string platform_user_id, string display_name, string? email,
        string role, long? manager_id, string time_zone, string locale, bool reachable)
    {
        public Person ToPerson() => new(
            id,
            workspace_id,
            new PersonKey(platform == "slack" ? ChatPlatform.Slack : ChatPlatform.Teams, external_id, platform_user_id),
            new UserText(display_name),
            email,
            Enum.Parse<PersonRole>(role, ignoreCase: true),
            manager_id,
            time_zone,
            locale,
            reachable);
    }
}
