using CoachBot.Coaching.Chat;
using Dapper;
using Npgsql;

namespace CoachBot.Coaching.People;

/// <summary>
/// The managers' channel each platform's settings name (Slack:ManagerChannelId, Teams:ManagerChannelId), written onto the
/// workspace row the first time CoachBot hears from that workspace and whenever the setting changes, because escalations
/// only ever go to the channel stored there.
/// </summary>
public sealed class ManagerChannelSettings(NpgsqlDataSource dataSource, IReadOnlyDictionary<ChatPlatform, string?> configured)
{
    public async Task ApplyAsync(ChatPlatform platform, string workspaceExternalId, CancellationToken cancellationToken)
    {
        if (!configured.TryGetValue(platform, out var channel) || string.IsNullOrWhiteSpace(channel))
        {
            return;
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("""
            update workspace set manager_channel_id = @channel
            where platform = @platform and external_id = @workspace and manager_channel_id is distinct from @channel
            """, new { channel, platform = PersonDirectory.PlatformName(platform), workspace = workspaceExternalId }, cancellationToken: cancellationToken));
    }
}
