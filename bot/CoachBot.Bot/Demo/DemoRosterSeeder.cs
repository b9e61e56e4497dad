using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CoachBot.Bot.Demo;

// Runs after migrations on every demo start; every statement only fills what is missing, so restarts keep demo changes.
internal sealed class DemoRosterSeeder(NpgsqlDataSource dataSource, IOptions<DemoOptions> options, TimeProvider time, ILogger<DemoRosterSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var roster = DemoRoster.Load();
        var demo = options.Value;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var workspaceId = await connection.ExecuteScalarAsync<long>(new CommandDefinition("""
            insert into workspace (platform, external_id, name, bot_user_id, manager_channel_id)
            values ('slack', @TeamId, @Name, @BotUserId, @ManagerChannelId)
            on conflict (platform, external_id) do update set
                name = coalesce(workspace.name, excluded.name),
                bot_user_id = coalesce(workspace.bot_user_id, excluded.bot_user_id),
                manager_channel_id = coalesce(workspace.manager_channel_id, excluded.manager_channel_id)
            returning id
            """, new { demo.TeamId, Name = roster.TeamName, BotUserId = roster.Bot.UserId, demo.ManagerChannelId }, transaction, cancellationToken: cancellationToken));

        foreach (var person in roster.People)
        {
            await connection.ExecuteAsync(new CommandDefinition("""
                insert into person (workspace_id, platform_user_id, email, display_name, role, time_zone, time_zone_source)
                values (@workspaceId, @UserId, @Email, @Name, @Role, @TimeZone, 'platform')
                on conflict (workspace_id, platform_user_id) do nothing
                """, new { workspaceId, person.UserId, person.Email, person.Name, person.Role, person.TimeZone }, transaction, cancellationToken: cancellationToken));
        }

        foreach (var rep in roster.People.Where(p => p.Role == "rep"))
        {
            await SeedRepAsync(connection, transaction, workspaceId, rep, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        DemoLog.Seeded(logger, demo.TeamId, roster.People.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task SeedRepAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long workspaceId, DemoRoster.Person rep, CancellationToken cancellationToken)
    {
        var args = new
        {
            workspaceId, rep.UserId, rep.Manager, rep.Style, Race = rep.Race ?? "middle", Experience = rep.Experience ?? "newer",
            Focus = string.Join(',', rep.Focus ?? []), rep.Country, Now = time.GetUtcNow(),
        };
        await connection.ExecuteAsync(new CommandDefinition("""
            update person r set manager_id = m.id, updated_at = now()
            from person m
            where r.workspace_id = @workspaceId and r.platform_user_id = @UserId and r.manager_id is null
              and m.workspace_id = @workspaceId and m.platform_user_id = @Manager;

            insert into rep_profile (person_id, style, style_source, race, focus_skills, experience, onboarding_step, onboarded_at)
            select id, @Style, 'self', @Race, string_to_array(@Focus, ','), @Experience, 'done', @Now
            from person where workspace_id = @workspaceId and platform_user_id = @UserId
            on conflict (person_id) do nothing;

            insert into rep_schedule (person_id, workspace_id, holiday_country)
            select id, workspace_id, @Country
            from person where workspace_id = @workspaceId and platform_user_id = @UserId
            on conflict (person_id) do nothing;
            """, args, transaction, cancellationToken: cancellationToken));
    }
}
