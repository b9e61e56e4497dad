using Dapper;
using Npgsql;

namespace CoachBot.Coaching.Escalations;

/// <summary>
/// SQL for escalations. Every state change is a conditional UPDATE … WHERE state … RETURNING, so of two
/// concurrent clicks exactly one gets a row back and only that one notifies anybody.
/// </summary>
public sealed class EscalationStore(NpgsqlDataSource dataSource)
{
    private const string Columns = """
        e.id, e.workspace_id, e.rep_id, e.owner_id, e.reason, e.severity, e.shared_text, e.state, e.created_at,
        e.acknowledged_at, e.acknowledged_by, e.resolved_at, e.resolved_by, e.resolution_note, e.snoozed_until, e.reassigned_at,
        e.channel_conversation_id, e.channel_message_id, e.ack_due_at, e.skip_level_due_at, e.reminded_at, e.skip_level_at,
        e.skip_level_owner_id, e.reminder_job_id, e.skip_level_job_id,
        (select count(*) from escalation_note n where n.escalation_id = e.id) as note_count
        """;

    /// <summary>Inserts the escalation, or returns null when one with the same idempotency key exists.</summary>
    public async Task<long?> TryInsertAsync(long workspaceId, long repId, long? ownerId, EscalationReason reason, EscalationSeverity severity,
        string? sharedText, string idempotencyKey, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long?>(new CommandDefinition("""
            insert into escalation (workspace_id, rep_id, owner_id, reason, severity, shared_text, idempotency_key, created_at)
            values (@workspaceId, @repId, @ownerId, @reason, @severity, @sharedText, @idempotencyKey, @now)
            on conflict (idempotency_key) do nothing
            returning id
            """,
            new { workspaceId, repId, ownerId, reason = reason.ToDb(), severity = severity.ToDb(), sharedText, idempotencyKey, now = now.UtcDateTime },
            cancellationToken: cancellationToken));
    }

    public async Task<long?> FindByKeyAsync(string idempotencyKey, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "select id from escalation where idempotency_key = @idempotencyKey", new { idempotencyKey }, cancellationToken: cancellationToken));
    }

    public async Task<long?> FindOpenAsync(long repId, EscalationReason reason, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "select id from escalation where rep_id = @repId and reason = @reason and state <> 'resolved' order by id limit 1",
            new { repId, reason = reason.ToDb() }, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Open escalations whose raise was cut short before <paramref name="before"/>: no deadlines scheduled, or (raised
    /// after <paramref name="cardsSince"/>) no card in the managers' channel.
    /// </summary>
    public async Task<IReadOnlyList<long>> FindUnfinishedAsync(DateTimeOffset before, DateTimeOffset cardsSince, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var ids = await connection.QueryAsync<long>(new CommandDefinition(
            """
            select id from escalation
            where state = 'open' and created_at < @before
              and (reminder_job_id is null or (channel_message_id is null and created_at > @cardsSince))
            order by id limit 200
            """, new { before = before.UtcDateTime, cardsSince = cardsSince.UtcDateTime }, cancellationToken: cancellationToken));
        return [.. ids];
    }

    public async Task<Escalation?> GetAsync(long id, CancellationToken cancellationToken) =>
        (await QueryAsync($"select {Columns} from escalation e where e.id = @id", new { id }, cancellationToken)).SingleOrDefault();

    /// <summary>The 50 newest escalations in <paramref name="scope"/>; resolved ones only when asked for.</summary>
    public Task<IReadOnlyList<Escalation>> ListAsync(EscalationScope scope, bool includeResolved, CancellationToken cancellationToken)
    {
        var (where, parameters) = scope switch
        {
            EscalationScope.Rep r => ("e.rep_id = @repId", (object)new { repId = r.RepId }),
            EscalationScope.OwnedBy o => ("e.owner_id = @managerId", new { managerId = o.ManagerId }),
            EscalationScope.ManagerReach m => ("(e.owner_id = @managerId or e.skip_level_owner_id = @managerId or e.rep_id = any(@team))",
                new { managerId = m.ManagerId, team = m.Team.ToArray() }),
            EscalationScope.Workspace w => ("e.workspace_id = @workspaceId", new { workspaceId = w.WorkspaceId }),
            _ => throw new ArgumentOutOfRangeException(nameof(scope), scope, "unknown escalation scope"),
        };
        var state = includeResolved ? "" : " and e.state <> 'resolved'";
        return QueryAsync($"select {Columns} from escalation e where {where}{state} order by e.created_at desc limit 50", parameters, cancellationToken);
    }

    // Each state change is one conditional statement spelled here, next to the table: the condition is what makes it
    // safe under races (two managers pressing Acknowledge, two instances reaching a deadline). A change returns the
    // escalation as it now is, or null when the condition no longer held.

    public Task<Escalation?> AcknowledgeAsync(long id, long actorId, DateTimeOffset now, CancellationToken cancellationToken) => ChangeAsync(id, """
        update escalation set state = 'acknowledged', acknowledged_at = @now, acknowledged_by = @actorId, reminder_job_id = null, skip_level_job_id = null
        where id = @id and state = 'open' returning id
        """, new { actorId, now = now.UtcDateTime }, cancellationToken);

    /// <summary>Resolving an open escalation acknowledges it too, by the same person at the same moment.</summary>
    public Task<Escalation?> ResolveAsync(long id, long actorId, string? note, DateTimeOffset now, CancellationToken cancellationToken) => ChangeAsync(id, """
        update escalation set state = 'resolved', resolved_at = @now, resolved_by = @actorId, resolution_note = @note,
            acknowledged_at = coalesce(acknowledged_at, @now), acknowledged_by = coalesce(acknowledged_by, @actorId),
            reminder_job_id = null, skip_level_job_id = null
        where id = @id and state <> 'resolved' returning id
        """, new { actorId, note, now = now.UtcDateTime }, cancellationToken);

    /// <summary>A new owner starts the reminder and skip-level stages afresh; null when resolved or already theirs.</summary>
    public Task<Escalation?> ReassignAsync(long id, long ownerId, DateTimeOffset now, CancellationToken cancellationToken) => ChangeAsync(id, """
        update escalation set owner_id = @ownerId, reassigned_at = @now, reminded_at = null, skip_level_at = null, skip_level_owner_id = null
        where id = @id and state <> 'resolved' and owner_id is distinct from @ownerId returning id
        """, new { ownerId, now = now.UtcDateTime }, cancellationToken);

    public Task<Escalation?> SnoozeAsync(long id, DateTimeOffset until, CancellationToken cancellationToken) => ChangeAsync(id, """
        update escalation set snoozed_until = @until where id = @id and state <> 'resolved' returning id
        """, new { until = until.UtcDateTime }, cancellationToken);

    /// <summary>Stores where the card was posted, once: a second post (a repair racing the first) does not overwrite it.</summary>
    public Task<Escalation?> RecordCardAsync(long id, string conversationId, string messageId, CancellationToken cancellationToken) => ChangeAsync(id, """
        update escalation set channel_conversation_id = @conversationId, channel_message_id = @messageId
        where id = @id and channel_message_id is null returning id
        """, new { conversationId, messageId }, cancellationToken);

    public Task<Escalation?> ScheduleDeadlinesAsync(
        long id, DateTimeOffset ackDue, DateTimeOffset skipLevelDue, string reminderJobId, string skipLevelJobId, CancellationToken cancellationToken) =>
        ChangeAsync(id, """
            update escalation set ack_due_at = @ackDue, skip_level_due_at = @skipLevelDue, reminder_job_id = @reminderJobId, skip_level_job_id = @skipLevelJobId
            where id = @id and state = 'open' returning id
            """, new { ackDue = ackDue.UtcDateTime, skipLevelDue = skipLevelDue.UtcDateTime, reminderJobId, skipLevelJobId }, cancellationToken);

    /// <summary>Keeps one stage's stored job id current after it was rescheduled.</summary>
    public Task<Escalation?> ReplaceStageJobAsync(long id, EscalationStage stage, string jobId, CancellationToken cancellationToken) => ChangeAsync(id, stage switch
    {
        EscalationStage.Reminder => "update escalation set reminder_job_id = @jobId where id = @id and state = 'open' returning id",
        EscalationStage.SkipLevel => "update escalation set skip_level_job_id = @jobId where id = @id and state = 'open' returning id",
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, null),
    }, new { jobId }, cancellationToken);

    /// <summary>Claims the one reminder of an open escalation; null when it was acknowledged, resolved or already reminded.</summary>
    public Task<Escalation?> ClaimReminderAsync(long id, DateTimeOffset now, CancellationToken cancellationToken) => ChangeAsync(id, """
        update escalation set reminded_at = @now where id = @id and state = 'open' and reminded_at is null returning id
        """, new { now = now.UtcDateTime }, cancellationToken);

    /// <summary>Claims the one skip-level step of an open escalation, recording who it goes to (null: the owner has no manager).</summary>
    public Task<Escalation?> ClaimSkipLevelAsync(long id, long? skipLevelOwnerId, DateTimeOffset now, CancellationToken cancellationToken) => ChangeAsync(id, """
        update escalation set skip_level_at = @now, skip_level_owner_id = @skipLevelOwnerId
        where id = @id and state = 'open' and skip_level_at is null returning id
        """, new { skipLevelOwnerId, now = now.UtcDateTime }, cancellationToken);

    private async Task<Escalation?> ChangeAsync(long id, string statement, object parameters, CancellationToken cancellationToken)
    {
        var args = new DynamicParameters(parameters);
        args.Add("id", id);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var changed = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(statement, args, cancellationToken: cancellationToken));
        return changed is null ? null : await GetAsync(id, cancellationToken);
    }

    public async Task AddNoteAsync(long id, long authorId, string text, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "insert into escalation_note (escalation_id, author_id, text, at) values (@id, @authorId, @text, @now)",
            new { id, authorId, text, now = now.UtcDateTime }, cancellationToken: cancellationToken));
    }

    private async Task<IReadOnlyList<Escalation>> QueryAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<EscalationRow>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToEscalation()).ToList();
    }

    private sealed record EscalationRow(
        long id, long workspace_id, long rep_id, long? owner_id, string reason, string severity, string? shared_text, string state,
        DateTime created_at, DateTime? acknowledged_at, long? acknowledged_by, DateTime? resolved_at, long? resolved_by,
        string? resolution_note, DateTime? snoozed_until, DateTime? reassigned_at, string? channel_conversation_id,
        string? channel_message_id, DateTime? ack_due_at, DateTime? skip_level_due_at, DateTime? reminded_at, DateTime? skip_level_at,
        long? skip_level_owner_id, string? reminder_job_id, string? skip_level_job_id, long note_count)
    {
        public Escalation ToEscalation() => new(
            id, workspace_id, rep_id, owner_id, EscalationNames.ParseReason(reason), Enum.Parse<EscalationSeverity>(severity, true),
            shared_text, Enum.Parse<EscalationState>(state, true), Utc(created_at))
        {
            AcknowledgedAt = Utc(acknowledged_at),
            AcknowledgedBy = acknowledged_by,
            ResolvedAt = Utc(resolved_at),
            ResolvedBy = resolved_by,
            ResolutionNote = resolution_note,
            SnoozedUntil = Utc(snoozed_until),
            ReassignedAt = Utc(reassigned_at),
            ChannelConversationId = channel_conversation_id,
            ChannelMessageId = channel_message_id,
            AckDueAt = Utc(ack_due_at),
            SkipLevelDueAt = Utc(skip_level_due_at),
            RemindedAt = Utc(reminded_at),
            SkipLevelAt = Utc(skip_level_at),
            SkipLevelOwnerId = skip_level_owner_id,
            ReminderJobId = reminder_job_id,
            SkipLevelJobId = skip_level_job_id,
            NoteCount = (int)note_count,
        };

        private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

        private static DateTimeOffset? Utc(DateTime? value) => value is { } v ? Utc(v) : null;
    }
}
