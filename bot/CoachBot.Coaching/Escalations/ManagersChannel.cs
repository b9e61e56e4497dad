using CoachBot.Coaching.Chat;
using CoachBot.Coaching.People;
using Dapper;
using Npgsql;

namespace CoachBot.Coaching.Escalations;

/// <summary>
/// The only way escalation content reaches a channel: it posts to the workspace's configured managers' channel
/// (workspace.manager_channel_id) and refuses any other conversation, even when a caller asks for one.
/// </summary>
public sealed class ManagersChannel(NpgsqlDataSource dataSource, ChatMessengers messengers)
{
    public async Task<ChatAddress?> FindAsync(long workspaceId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<(string Platform, string ExternalId, string? Channel)>(new CommandDefinition(
            "select platform, external_id, manager_channel_id from workspace where id = @workspaceId",
            new { workspaceId }, cancellationToken: cancellationToken));
        return row.Channel is { Length: > 0 } channel
            ? new ChatAddress(row.Platform == PersonDirectory.PlatformName(ChatPlatform.Slack) ? ChatPlatform.Slack : ChatPlatform.Teams, row.ExternalId, channel)
            : null;
    }

    public async Task<bool> IsManagersChannelAsync(ChatAddress conversation, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var configured = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "select manager_channel_id from workspace where platform = @platform and external_id = @workspace",
            new { platform = PersonDirectory.PlatformName(conversation.Platform), workspace = conversation.WorkspaceId },
            cancellationToken: cancellationToken));
        return configured is { Length: > 0 } && SameChannel(conversation.ConversationId, configured);
    }

    public async Task<SentMessage> PostAsync(long workspaceId, ChatAddress requested, CoachMessage message, CancellationToken cancellationToken)
    {
        EnsureAllowed(requested, await FindAsync(workspaceId, cancellationToken));
        return await messengers.For(requested.Platform).PostAsync(requested, message, cancellationToken);
    }

    public async Task UpdateAsync(long workspaceId, SentMessage sent, CoachMessage message, CancellationToken cancellationToken)
    {
        EnsureAllowed(sent.Conversation, await FindAsync(workspaceId, cancellationToken));
        await messengers.For(sent.Conversation.Platform).UpdateAsync(sent, message, cancellationToken);
    }

    public static void EnsureAllowed(ChatAddress requested, ChatAddress? configured)
    {
        if (configured is null)
        {
            throw new ManagersChannelRefusedException("No managers' channel is configured for this workspace.");
        }

        if (requested.Platform != configured.Platform || requested.WorkspaceId != configured.WorkspaceId
            || !SameChannel(requested.ConversationId, configured.ConversationId))
        {
            throw new ManagersChannelRefusedException("Escalations go only to the configured managers' channel.");
        }
    }

    // A Teams reply thread is the channel id plus ";messageid=…"; it is still the same channel.
    private static bool SameChannel(string conversationId, string configured) =>
        string.Equals(conversationId.Split(';')[0], configured.Split(';')[0], StringComparison.Ordinal);
}
