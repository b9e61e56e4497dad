using System.Collections.Concurrent;
using Dapper;
using Npgsql;

namespace CoachBot.Platforms.Slack;

/// <summary>
/// Whether CoachBot may still talk to a Slack workspace. A revoked token or an uninstall disables it (data is kept);
/// a later successful <c>auth.test</c> with a working token enables it again.
/// </summary>
public sealed class SlackWorkspaces(NpgsqlDataSource dataSource, TimeProvider time)
{
    // Every send checks this; a short cache keeps that off the database without hiding a disable for long.
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(15);
    private readonly ConcurrentDictionary<string, (bool Disabled, DateTimeOffset At)> _cache = new(StringComparer.Ordinal);

    public async Task DisableAsync(string teamId, string reason, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("""
            insert into workspace (platform, external_id, disabled_at, disabled_reason) values ('slack', @teamId, now(), @reason)
            on conflict (platform, external_id) do update
            set disabled_at = coalesce(workspace.disabled_at, now()), disabled_reason = excluded.disabled_reason
            """, new { teamId, reason }, cancellationToken: cancellationToken));
        _cache[teamId] = (true, time.GetUtcNow());
    }

    public Task EnableAsync(string teamId, string botUserId, CancellationToken cancellationToken) => EnableAsync(teamId, botUserId, null, cancellationToken);

    /// <summary>A working token (or a fresh install) re-enables the workspace; a known <paramref name="name"/> is kept.</summary>
    public async Task EnableAsync(string teamId, string botUserId, string? name, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("""
            insert into workspace (platform, external_id, bot_user_id, name) values ('slack', @teamId, @botUserId, @name)
            on conflict (platform, external_id) do update
            set disabled_at = null, disabled_reason = null, bot_user_id = excluded.bot_user_id, name = coalesce(excluded.name, workspace.name)
            """, new { teamId, botUserId, name }, cancellationToken: cancellationToken));
        _cache[teamId] = (false, time.GetUtcNow());
    }

    public async Task<bool> IsDisabledAsync(string teamId, CancellationToken cancellationToken)
    {
        if (_cache.TryGetValue(teamId, out var cached) && time.GetUtcNow() - cached.At < CacheFor)
        {
            return cached.Disabled;
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var disabled = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "select exists (select 1 from workspace where platform = 'slack' and external_id = @teamId and disabled_at is not null)",
            new { teamId }, cancellationToken: cancellationToken));
        _cache[teamId] = (disabled, time.GetUtcNow());
        return disabled;
    }

    public async Task<IReadOnlyList<DisabledWorkspace>> ListDisabledAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<DisabledWorkspace>(new CommandDefinition("""
            select external_id as TeamId, coalesce(disabled_reason, '') as Reason, disabled_at as DisabledAt
            from workspace where platform = 'slack' and disabled_at is not null order by external_id
            """, cancellationToken: cancellationToken));
        return rows.ToList();
    }

    public sealed record DisabledWorkspace(string TeamId, string Reason, DateTime DisabledAt);
}
