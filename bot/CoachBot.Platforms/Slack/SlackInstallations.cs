using System.Collections.Concurrent;
using Dapper;
using Npgsql;

namespace CoachBot.Platforms.Slack;

/// <summary>
/// Bot tokens of workspaces installed through /slack/install, sealed at rest. Installing (again) re-enables the workspace;
/// an uninstall or revoked token deletes the row, so nothing can use it afterwards.
/// </summary>
public sealed class SlackInstallations(NpgsqlDataSource dataSource, SlackTokenCipher cipher, SlackWorkspaces workspaces, TimeProvider time)
{
    // Every Web API call resolves its token; a short cache keeps that off the database. Other instances notice a removal
    // within this window, and Slack refuses a revoked token anyway (which disables the workspace).
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(15);
    private readonly ConcurrentDictionary<string, (string? Token, DateTimeOffset At)> _cache = new(StringComparer.Ordinal);

    public async Task SaveAsync(SlackInstall install, CancellationToken cancellationToken)
    {
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        {
            await connection.ExecuteAsync(new CommandDefinition("""
                insert into slack_installation (team_id, enterprise_id, team_name, bot_user_id, bot_id, app_id, scopes, token_ciphertext, installed_by)
                values (@TeamId, @EnterpriseId, @TeamName, @BotUserId, @BotId, @AppId, @Scopes, @Sealed, @InstalledBy)
                on conflict (team_id) do update
                set enterprise_id = excluded.enterprise_id, team_name = excluded.team_name, bot_user_id = excluded.bot_user_id,
                    bot_id = excluded.bot_id, app_id = excluded.app_id, scopes = excluded.scopes, token_ciphertext = excluded.token_ciphertext,
                    installed_by = excluded.installed_by, updated_at = now()
                """, new
            {
                install.TeamId, install.EnterpriseId, install.TeamName, install.BotUserId, install.BotId, install.AppId, install.Scopes,
                Sealed = cipher.Seal(install.TeamId, install.AccessToken), install.InstalledBy,
            }, cancellationToken: cancellationToken));
        }

        _cache[install.TeamId] = (install.AccessToken, time.GetUtcNow());
        await workspaces.EnableAsync(install.TeamId, install.BotUserId, install.TeamName, cancellationToken);
    }

    /// <summary>The installed token of <paramref name="teamId"/>, or null when the team was not installed through OAuth.</summary>
    public async Task<string?> GetTokenAsync(string teamId, CancellationToken cancellationToken)
    {
        if (_cache.TryGetValue(teamId, out var cached) && time.GetUtcNow() - cached.At < CacheFor)
        {
            return cached.Token;
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var sealedToken = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "select token_ciphertext from slack_installation where team_id = @teamId", new { teamId }, cancellationToken: cancellationToken));
        var token = sealedToken is null ? null : cipher.Open(teamId, sealedToken);
        _cache[teamId] = (token, time.GetUtcNow());
        return token;
    }

    /// <summary>Idempotent: forgets the team's token (app_uninstalled, tokens_revoked). True when there was one.</summary>
    public async Task<bool> RemoveAsync(string teamId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var removed = await connection.ExecuteAsync(new CommandDefinition(
            "delete from slack_installation where team_id = @teamId", new { teamId }, cancellationToken: cancellationToken));
        _cache[teamId] = (null, time.GetUtcNow());
        return removed > 0;
    }
}
