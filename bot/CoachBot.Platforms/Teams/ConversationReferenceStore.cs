using Dapper;
using Npgsql;

namespace CoachBot.Platforms.Teams;

/// <summary>Conversation references in PostgreSQL (never memory-only: they must survive restarts and be shared).</summary>
public sealed class ConversationReferenceStore(NpgsqlDataSource dataSource)
{
    private const string Columns = """
        tenant_id as TenantId, conversation_id as ConversationId, conversation_type as ConversationType, service_url as ServiceUrl,
        bot_id as BotId, user_id as UserId, aad_object_id as AadObjectId, team_id as TeamId, reachable as Reachable
        """;

    /// <summary>Records a validated inbound activity's conversation (and its sender); an interaction makes them reachable again.</summary>
    public async Task SaveAsync(TeamsConversationReference reference, TeamsMember? sender, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("""
            insert into teams_conversation_reference
                (tenant_id, conversation_id, conversation_type, service_url, bot_id, user_id, aad_object_id, team_id)
            values (@TenantId, @ConversationId, @ConversationType, @ServiceUrl, @BotId, @UserId, @AadObjectId, @TeamId)
            on conflict (tenant_id, conversation_id) do update set
                service_url = excluded.service_url, bot_id = excluded.bot_id,
                user_id = coalesce(excluded.user_id, teams_conversation_reference.user_id),
                aad_object_id = coalesce(excluded.aad_object_id, teams_conversation_reference.aad_object_id),
                team_id = coalesce(excluded.team_id, teams_conversation_reference.team_id),
                reachable = true, unreachable_reason = null, unreachable_since = null, updated_at = now()
            """, reference, transaction, cancellationToken: cancellationToken));
        await ForgetOtherPersonalChatsAsync(connection, transaction, reference, cancellationToken);
        if (sender is not null)
        {
            await connection.ExecuteAsync(new CommandDefinition("""
                insert into teams_member (tenant_id, aad_object_id, user_id, service_url, bot_id)
                values (@TenantId, @AadObjectId, @UserId, @ServiceUrl, @BotId)
                on conflict (tenant_id, aad_object_id) do update set
                    user_id = excluded.user_id, service_url = excluded.service_url, bot_id = excluded.bot_id, updated_at = now();
                update person p set reachable = true, unreachable_reason = null, updated_at = now()
                from workspace w
                where w.id = p.workspace_id and w.platform = 'teams' and w.external_id = @TenantId
                  and p.platform_user_id = @AadObjectId and not p.reachable
                """, sender, transaction, cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// A personal chat learned from Graph after installing the app for someone: stored like an inbound one, and its person
    /// becomes reachable. The install's conversationUpdate later brings the same person's chat again and replaces it.
    /// </summary>
    public async Task SaveInstalledAsync(TeamsConversationReference reference, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("""
            insert into teams_conversation_reference (tenant_id, conversation_id, conversation_type, service_url, bot_id, aad_object_id)
            values (@TenantId, @ConversationId, 'personal', @ServiceUrl, @BotId, @AadObjectId)
            on conflict (tenant_id, conversation_id) do update set
                reachable = true, unreachable_reason = null, unreachable_since = null, updated_at = now();
            update person p set reachable = true, unreachable_reason = null, updated_at = now()
            from workspace w
            where w.id = p.workspace_id and w.platform = 'teams' and w.external_id = @TenantId
              and p.platform_user_id = @AadObjectId and not p.reachable
            """, reference, transaction, cancellationToken: cancellationToken));
        await ForgetOtherPersonalChatsAsync(connection, transaction, reference, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The service URL the tenant's activities last came from (one tenant normally shares one), if any came.</summary>
    public async Task<string?> FindTenantServiceUrlAsync(string tenantId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QueryFirstOrDefaultAsync<string>(new CommandDefinition("""
            select service_url from (
                select service_url, updated_at from teams_conversation_reference where tenant_id = @tenantId
                union all select service_url, updated_at from teams_member where tenant_id = @tenantId) known
            order by updated_at desc limit 1
            """, new { tenantId }, cancellationToken: cancellationToken));
    }

    public async Task<TeamsConversationReference?> FindAsync(string tenantId, string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<TeamsConversationReference>(new CommandDefinition(
            $"select {Columns} from teams_conversation_reference where tenant_id = @tenantId and conversation_id = @conversationId",
            new { tenantId, conversationId }, cancellationToken: cancellationToken));
    }

    public async Task<TeamsConversationReference?> FindPersonalAsync(string tenantId, string aadObjectId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QueryFirstOrDefaultAsync<TeamsConversationReference>(new CommandDefinition($"""
            select {Columns} from teams_conversation_reference
            where tenant_id = @tenantId and aad_object_id = @aadObjectId and conversation_type = 'personal'
            order by updated_at desc limit 1
            """, new { tenantId, aadObjectId }, cancellationToken: cancellationToken));
    }

    public async Task<TeamsMember?> FindMemberAsync(string tenantId, string aadObjectId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<TeamsMember>(new CommandDefinition(
            "select tenant_id as TenantId, aad_object_id as AadObjectId, user_id as UserId, service_url as ServiceUrl, bot_id as BotId from teams_member where tenant_id = @tenantId and aad_object_id = @aadObjectId",
            new { tenantId, aadObjectId }, cancellationToken: cancellationToken));
    }

    /// <summary>403/404 from the Connector: stop using this conversation, and mark its person unreachable for their manager to see.</summary>
    public async Task MarkUnreachableAsync(string tenantId, string conversationId, string reason, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("""
            with marked as (
                update teams_conversation_reference set reachable = false, unreachable_reason = @reason, unreachable_since = now()
                where tenant_id = @tenantId and conversation_id = @conversationId
                returning aad_object_id, conversation_type)
            update person p set reachable = false, unreachable_reason = @reason, updated_at = now()
            from workspace w, marked m
            where w.id = p.workspace_id and w.platform = 'teams' and w.external_id = @tenantId
              and m.conversation_type = 'personal' and p.platform_user_id = m.aad_object_id
            """, new { tenantId, conversationId, reason }, cancellationToken: cancellationToken));
    }

    /// <summary>The bot was removed from a conversation (uninstall, team deleted): forget it.</summary>
    public async Task ForgetAsync(string tenantId, string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "delete from teams_conversation_reference where tenant_id = @tenantId and conversation_id = @conversationId",
            new { tenantId, conversationId }, cancellationToken: cancellationToken));
    }

    // One personal chat per person: Graph names it 19:…@unq.gbl.spaces, the install activity a:…; the newest wins.
    private static Task ForgetOtherPersonalChatsAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, TeamsConversationReference reference, CancellationToken cancellationToken) =>
        reference.ConversationType != TeamsConversationReference.Personal || reference.AadObjectId is null
            ? Task.CompletedTask
            : connection.ExecuteAsync(new CommandDefinition("""
                delete from teams_conversation_reference
                where tenant_id = @TenantId and aad_object_id = @AadObjectId and conversation_type = 'personal' and conversation_id <> @ConversationId
                """, reference, transaction, cancellationToken: cancellationToken));

    public async Task<bool> IsKnownServiceUrlAsync(string serviceUrl, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition("""
            select exists (select 1 from teams_conversation_reference where service_url = @serviceUrl)
                or exists (select 1 from teams_member where service_url = @serviceUrl)
            """, new { serviceUrl }, cancellationToken: cancellationToken));
    }
}
