using CoachBot.Coaching.Chat;
using CoachBot.Coaching.Onboarding;
using CoachBot.Coaching.Profiles;
using Dapper;
using Npgsql;

namespace CoachBot.Coaching.People;

/// <summary>
/// Finds and registers the people CoachBot knows. Registration is idempotent, so replays are harmless, and writes only
/// what changed: a known person whose platform profile is unchanged costs a read on a cold cache and nothing on a warm one.
/// </summary>
public sealed class PersonDirectory(NpgsqlDataSource dataSource, PeopleCache cache)
{
    private const string Columns = """
        p.id, p.workspace_id, w.platform, w.external_id, p.platform_user_id, p.display_name, p.email, p.role,
        p.manager_id, p.time_zone, p.locale, p.reachable
        """;

    /// <summary>Without a listening cache (tools, seeders, tests that build one by hand): every registration reads.</summary>
    public PersonDirectory(NpgsqlDataSource dataSource)
        : this(dataSource, new PeopleCache(TimeProvider.System))
    {
    }

    /// <summary>Registers the workspace and person on first contact, refreshing name, email and (unless overridden) time zone.</summary>
    public async Task<Person> UpsertAsync(Sender sender, CancellationToken cancellationToken) =>
        (await RegisterAsync(sender, RegistrationRules.None, cancellationToken)).Person;

    /// <summary>
    /// The whole registration of whoever wrote, in one round trip (one batch, one implicit transaction) or none when the
    /// cache knows them: workspace (with the configured managers' channel), person (name, email, time zone, locale,
    /// reachable again; a pending roster row or the configured-admin rule on first contact or a new email), manager
    /// links that involve them, and the rep profile (created for a new rep when <see cref="RegistrationRules.CreateRepProfile"/>).
    /// </summary>
    public async Task<Registration> RegisterAsync(Sender sender, RegistrationRules rules, CancellationToken cancellationToken)
    {
        if (cache.TryGet(sender, rules.ManagerChannel) is { } known
            && !(rules.CreateRepProfile && known.Profile is null && known.Person.Role == PersonRole.Rep))
        {
            return known;
        }

        for (var attempt = 1; ; attempt++)
        {
            var snapshot = cache.Begin();
            if (await TryRegisterAsync(sender, rules, snapshot, cancellationToken) is { } registration)
            {
                return registration;
            }

            // Another request created the same workspace at the same moment: its row is visible to the next attempt.
            if (attempt == 3)
            {
                throw new InvalidOperationException($"Could not register {sender.Key}.");
            }
        }
    }

    private async Task<Registration?> TryRegisterAsync(Sender sender, RegistrationRules rules, PeopleCache.Snapshot snapshot, CancellationToken cancellationToken)
    {
        var parameters = new
        {
            platform = PlatformName(sender.Key.Platform),
            workspace = sender.Key.WorkspaceId,
            user = sender.Key.UserId,
            name = sender.DisplayName,
            email = sender.Email,
            tz = sender.TimeZone,
            locale = sender.Locale,
            channel = string.IsNullOrWhiteSpace(rules.ManagerChannel) ? null : rules.ManagerChannel,
            admin = rules.BootstrapAdmin,
            createProfile = rules.CreateRepProfile,
            step = rules.FirstStep.ToDbValue(),
        };
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(RegisterSql, parameters, cancellationToken: cancellationToken));
        var written = await results.ReadSingleOrDefaultAsync<string>();
        await results.ReadAsync<long>();
        var created = await results.ReadSingleAsync<int>() == 1;
        var row = await results.ReadSingleOrDefaultAsync<RegisteredRow>();
        var profile = await results.ReadSingleOrDefaultAsync<RepProfileStore.ProfileRow>();
        if (row is null)
        {
            return null;
        }

        var registration = new Registration(row.ToPerson(), profile?.ToProfile(), created);
        // Only a row this very statement brought up to date with the sender may be served for that sender later.
        if (written is not null)
        {
            cache.Store(snapshot, sender, registration, (uint)row.version, row.profile_version is { } v ? (uint)v : null, row.manager_channel_id, (uint)row.workspace_version);
        }

        return registration;
    }

    // Five statements, one round trip. The first writes only rows that differ (no UPDATE of an unchanged row, no lock
    // taken on the shared workspace row) and says what it did ('inserted', 'updated', 'found'), or returns nothing when a
    // concurrent first contact won the insert. Each later statement sees the earlier ones' rows.
    private const string RegisterSql = $"""
        with found_ws as (
            select id, manager_channel_id, xmin::text::bigint as version from workspace where platform = @platform and external_id = @workspace
        ), new_ws as (
            insert into workspace (platform, external_id, manager_channel_id)
            select @platform, @workspace, @channel where not exists (select from found_ws)
            on conflict (platform, external_id) do nothing
            returning id, manager_channel_id, xmin::text::bigint as version
        ), set_channel as (
            update workspace w set manager_channel_id = @channel
            from found_ws f where w.id = f.id and @channel is not null and w.manager_channel_id is distinct from @channel
            returning w.id
        ), ws as (
            select id from found_ws union all select id from new_ws
        ), roster as (
            select r.role, r.time_zone from roster_entry r, ws where @email is not null and r.workspace_id = ws.id and r.email = lower(@email)
        ), found as (
            select p.* from person p, ws where p.workspace_id = ws.id and p.platform_user_id = @user
        ), ins as (
            insert into person (workspace_id, platform_user_id, display_name, email, time_zone, time_zone_source, locale, role)
            select ws.id, @user, @name, @email,
                coalesce((select time_zone from roster), @tz, 'UTC'),
                case when (select time_zone from roster) is not null then 'override' when @tz is null then 'default' else 'platform' end,
                coalesce(@locale, 'en-US'),
                case when @admin then 'admin' else coalesce((select role from roster), 'rep') end
            from ws where not exists (select from found)
            on conflict (workspace_id, platform_user_id) do nothing
            returning id
        ), wanted as (
            -- A pending roster row applies when the person's email is new to CoachBot, as on first contact.
            select f.id, f.role as old_role,
                case when @name <> '' then @name else f.display_name end as display_name,
                coalesce(@email, f.email) as email,
                case when r.time_zone is not null then r.time_zone
                     when f.time_zone_source = 'override' or @tz is null then f.time_zone else @tz end as time_zone,
                case when r.time_zone is not null then 'override'
                     when f.time_zone_source = 'override' or @tz is null then f.time_zone_source else 'platform' end as time_zone_source,
                coalesce(@locale, f.locale) as locale,
                case when @admin then 'admin' else coalesce(r.role, f.role) end as role
            from found f left join roster r on f.email is distinct from @email
        ), upd as (
            update person p set display_name = w.display_name, email = w.email, time_zone = w.time_zone, time_zone_source = w.time_zone_source,
                locale = w.locale, role = w.role, reachable = true, unreachable_reason = null, updated_at = now()
            from wanted w
            where p.id = w.id
              and (p.display_name, p.email, p.time_zone, p.time_zone_source, p.locale, p.role, p.reachable, p.unreachable_reason)
                  is distinct from (w.display_name, w.email, w.time_zone, w.time_zone_source, w.locale, w.role, true, null::text)
            returning p.id
        ), boot as (
            insert into audit_entry (actor_id, action, subject_id, detail)
            select null::bigint, 'role.bootstrap_admin', id, 'Coaching:Admins' from ins where @admin
            union all select null, 'role.bootstrap_admin', id, 'Coaching:Admins' from wanted where @admin and old_role <> 'admin'
        )
        select 'inserted' from ins
        union all select 'updated' from upd
        union all select 'found' from found where not exists (select from upd);

        with linked as (
            update person p set manager_id = m.id
            from roster_entry r join person m on m.workspace_id = r.workspace_id and lower(m.email) = r.manager_email
            where r.workspace_id = (select id from workspace where platform = @platform and external_id = @workspace)
              and p.workspace_id = r.workspace_id and lower(p.email) = r.email and m.id <> p.id and p.manager_id is distinct from m.id
              and (p.platform_user_id = @user or m.platform_user_id = @user)
            returning p.id)
        select id from linked;

        with me as (
            select p.id, p.workspace_id from person p join workspace w on w.id = p.workspace_id
            where w.platform = @platform and w.external_id = @workspace and p.platform_user_id = @user and p.role = 'rep' and @createProfile
        ), profile as (
            insert into rep_profile (person_id, onboarding_step) select id, @step from me on conflict (person_id) do nothing returning person_id
        ), schedule as (
            insert into rep_schedule (person_id, workspace_id) select id, workspace_id from me on conflict (person_id) do nothing
        )
        select count(*)::int from profile;

        select {Columns}, p.xmin::text::bigint as version, w.manager_channel_id, w.xmin::text::bigint as workspace_version,
            (select rp.xmin::text::bigint from rep_profile rp where rp.person_id = p.id) as profile_version
        from person p join workspace w on w.id = p.workspace_id
        where w.platform = @platform and w.external_id = @workspace and p.platform_user_id = @user;

        select {RepProfileStore.Columns} from rep_profile
        where person_id = (select p.id from person p join workspace w on w.id = p.workspace_id
                           where w.platform = @platform and w.external_id = @workspace and p.platform_user_id = @user);
        """;

    /// <summary>The workspace's id, creating the row on first contact; an existing row is only read, never written or locked.</summary>
    public async Task<long> EnsureWorkspaceAsync(ChatPlatform platform, string externalId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            // Nothing when a concurrent first contact created the row after this statement's snapshot: the next one sees it.
            var id = await connection.ExecuteScalarAsync<long?>(new CommandDefinition("""
                with found as (select id from workspace where platform = @platform and external_id = @externalId),
                created as (
                    insert into workspace (platform, external_id) select @platform, @externalId where not exists (select from found)
                    on conflict (platform, external_id) do nothing returning id)
                select id from found union all select id from created
                """, new { platform = PlatformName(platform), externalId }, cancellationToken: cancellationToken));
            if (id is { } found)
            {
                return found;
            }

            if (attempt == 3)
            {
                throw new InvalidOperationException($"Could not register workspace {platform}:{externalId}.");
            }
        }
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

    private sealed record RegisteredRow(
        long id, long workspace_id, string platform, string external_id, string platform_user_id, string display_name, string? email,
        string role, long? manager_id, string time_zone, string locale, bool reachable, long version, string? manager_channel_id,
        long workspace_version, long? profile_version)
    {
        public Person ToPerson() => new PersonRow(
            id, workspace_id, platform, external_id, platform_user_id, display_name, email, role, manager_id, time_zone, locale, reachable).ToPerson();
    }

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
