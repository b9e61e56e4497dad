using CoachBot.Coaching.Chat;
using CoachBot.Coaching.Telemetry;
using Npgsql;

namespace CoachBot.Jobs.Nudges;

/// <summary>
/// The sender's side of nudge_delivery's state machine. Every write after the claim is guarded by claimed_by, so an
/// instance whose lease was taken over cannot overwrite the newer owner's outcome. Each outcome that lands is counted
/// (coachbot.nudges): the statements return the row's platform, so a write that lost its claim counts nothing.
/// </summary>
internal sealed class DeliveryLedger(NpgsqlDataSource dataSource, CoachBotMetrics? metrics = null)
{
    /// <summary>
    /// Takes the lease on those of <paramref name="ids"/> that are due (or abandoned by a crashed instance), in the
    /// given order. Late ones are expired in the same statement and come back with status 'expired'.
    /// The in-flight mark survives the claim: a claim that is handed back (throttled, shut down) or dies before deciding
    /// must leave the next claimant the same knowledge that an earlier call may have reached the platform.
    /// </summary>
    public async Task<List<ClaimedDelivery>> ClaimAsync(Guid[] ids, string owner, DateTimeOffset now, DateTimeOffset lateBefore, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            with target as (
                select id, in_flight_at is not null as was_in_flight from nudge_delivery
                where id = any($1) and ((status = 'pending' and next_attempt_at <= $2) or (status = 'sending' and claimed_until < $2))
                for update skip locked),
            claimed as (
                update nudge_delivery d set
                    status = case when d.slot_at < $3 and not (d.reconcile or d.status = 'sending') then 'expired' else 'sending' end,
                    last_error = case when d.slot_at < $3 and not (d.reconcile or d.status = 'sending') then 'late' else d.last_error end,
                    attempts = d.attempts + 1,
                    reconcile = d.reconcile or d.status = 'sending',
                    claimed_by = $4, claimed_until = $5, updated_at = now()
                from target where d.id = target.id
                returning d.*, target.was_in_flight)
            select c.id, c.person_id, w.platform, w.external_id, p.platform_user_id, c.kind, c.slot_at, c.status, c.reconcile,
                   p.reachable, w.disabled_at is null, coalesce(parent.answered_at is not null, false), c.was_in_flight,
                   s.person_id is not null, {ScheduleColumns.Select}
            from claimed c
            join person p on p.id = c.person_id
            join workspace w on w.id = c.workspace_id
            left join nudge_delivery parent on parent.id = c.parent_id
            left join rep_schedule s on s.person_id = c.person_id
            left join rep_profile r on r.person_id = c.person_id
            order by array_position($1, c.id)
            """);
        command.Parameters.AddWithValue(ids);
        command.Parameters.AddWithValue(now.UtcDateTime);
        command.Parameters.AddWithValue(lateBefore.UtcDateTime);
        command.Parameters.AddWithValue(owner);
        command.Parameters.AddWithValue((now + lease).UtcDateTime);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var claimed = new List<ClaimedDelivery>();
        while (await reader.ReadAsync(cancellationToken))
        {
            claimed.Add(Read(reader));
            if (claimed[^1].Status == "expired")
            {
                metrics?.Nudge(claimed[^1].Person.Platform == ChatPlatform.Slack ? "slack" : "teams", "expired");
            }
        }

        return claimed;
    }

    private static ClaimedDelivery Read(NpgsqlDataReader reader)
    {
        var platform = reader.GetString(2) == "slack" ? ChatPlatform.Slack : ChatPlatform.Teams;
        return new ClaimedDelivery(
            reader.GetGuid(0),
            reader.GetInt64(1),
            new PersonKey(platform, reader.GetString(3), reader.GetString(4)),
            reader.GetString(5) == "follow_up",
            reader.GetFieldValue<DateTimeOffset>(6),
            reader.GetString(7),
            reader.GetBoolean(8),
            reader.GetBoolean(9),
            reader.GetBoolean(10),
            reader.GetBoolean(11),
            reader.GetBoolean(12),
            reader.GetBoolean(13) ? ScheduleColumns.Read(reader, 14) : null);
    }

    /// <summary>Records the chunk's accepted sends in one statement; a row whose claim was taken over is left to its new owner.</summary>
    public async Task MarkSentAsync(IReadOnlyList<SentDelivery> sent, string owner, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (sent.Count == 0)
        {
            return;
        }

        await using var command = dataSource.CreateCommand("""
            update nudge_delivery d set status = 'sent', provider_message_id = v.message_id, provider_channel_id = v.channel_id,
                sent_at = $5, follow_up_due_at = v.follow_up_due_at, reconcile = false, last_error = null,
                claimed_by = null, claimed_until = null, updated_at = now()
            from unnest($1::uuid[], $2::text[], $3::text[], $4::timestamptz[]) as v(id, message_id, channel_id, follow_up_due_at),
                 workspace w
            where d.id = v.id and d.claimed_by = $6 and w.id = d.workspace_id
            returning w.platform
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = sent.Select(s => s.Id).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = sent.Select(s => s.Sent.MessageId).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = sent.Select(s => s.Sent.Conversation.ConversationId).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = sent.Select(s => s.FollowUpDue?.UtcDateTime).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = now.UtcDateTime });
        command.Parameters.Add(new NpgsqlParameter { Value = owner });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            metrics?.Nudge(reader.GetString(0), "sent");
        }
    }

    /// <summary>
    /// The last step before the platform call: succeeds only while this owner still holds an unexpired claim, and renews
    /// it for the call. A worker that waited past its lease (rate pacing, a stall) finds the row swept or re-claimed and
    /// must not send, or the nudge would go out twice. Marks the row in flight where the platform has no read-back.
    /// </summary>
    public async Task<IReadOnlySet<Guid>> TakeForSendAsync(Guid[] ids, string owner, DateTimeOffset now, TimeSpan lease, bool markInFlight, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            update nudge_delivery set claimed_until = $4, in_flight_at = case when $5 then $3 else in_flight_at end, updated_at = now()
            where id = any($1) and claimed_by = $2 and status = 'sending' and claimed_until >= $3
            returning id
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = ids });
        command.Parameters.Add(new NpgsqlParameter { Value = owner });
        command.Parameters.Add(new NpgsqlParameter { Value = now.UtcDateTime });
        command.Parameters.Add(new NpgsqlParameter { Value = (now + lease).UtcDateTime });
        command.Parameters.Add(new NpgsqlParameter { Value = markInFlight });
        var taken = new HashSet<Guid>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            taken.Add(reader.GetGuid(0));
        }

        return taken;
    }

    /// <summary>Final outcomes other than sent: failed, expired, unknown.</summary>
    public Task FinishAsync(Guid id, string owner, string status, string error, CancellationToken cancellationToken) =>
        TransitionAsync("""
            update nudge_delivery set status = $3, last_error = $4, claimed_by = null, claimed_until = null, updated_at = now()
            where id = $1 and claimed_by = $2
            returning status, (select w.platform from workspace w where w.id = nudge_delivery.workspace_id)
            """, cancellationToken, id, owner, status, error);

    /// <summary>
    /// Back to pending for a later attempt, or failed once the attempts are used up. Without <paramref name="reconcile"/>
    /// the platform certainly refused this attempt (429, refused connection), so the in-flight mark is cleared; the
    /// sender only gets this far when no earlier call is unaccounted for.
    /// </summary>
    public Task RetryAsync(Guid id, string owner, DateTimeOffset at, string error, bool reconcile, int maxAttempts, CancellationToken cancellationToken) =>
        TransitionAsync("""
            update nudge_delivery set status = case when attempts >= $6 then 'failed' else 'pending' end,
                next_attempt_at = $3, last_error = $4, reconcile = reconcile or $5,
                in_flight_at = case when $5 then in_flight_at else null end,
                claimed_by = null, claimed_until = null, updated_at = now()
            where id = $1 and claimed_by = $2
            returning status, (select w.platform from workspace w where w.id = nudge_delivery.workspace_id)
            """, cancellationToken, id, owner, at.UtcDateTime, error, reconcile, maxAttempts);

    /// <summary>Hands a claim back untouched (shutdown, throttled): the attempt does not count.</summary>
    public Task ReleaseAsync(Guid id, string owner, DateTimeOffset at, bool reconcile, CancellationToken cancellationToken) =>
        ExecuteAsync("""
            update nudge_delivery set status = 'pending', attempts = greatest(attempts - 1, 0), next_attempt_at = $3,
                reconcile = reconcile or $4, claimed_by = null, claimed_until = null, updated_at = now()
            where id = $1 and claimed_by = $2
            """, cancellationToken, id, owner, at.UtcDateTime, reconcile);

    /// <summary>
    /// Pushes back the not-yet-tried rows of a rescheduled batch, so the orphan sweep does not mistake them for lost.
    /// Rows another job holds right now are skipped (that job decides their next attempt); locking the rest in id order
    /// keeps two overlapping batches from deadlocking.
    /// </summary>
    public Task DeferAsync(Guid[] ids, DateTimeOffset at, CancellationToken cancellationToken) =>
        ExecuteAsync("""
            update nudge_delivery d set next_attempt_at = greatest(d.next_attempt_at, $2), updated_at = now()
            from (select id from nudge_delivery where id = any($1) and status = 'pending' order by id for update skip locked) t
            where d.id = t.id
            """, cancellationToken, ids, at.UtcDateTime);

    /// <summary>Pending deliveries of one workspace that are due now, oldest first (whichever job they are listed in).</summary>
    public async Task<Guid[]> DueInWorkspaceAsync(PersonKey workspace, DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            select d.id from nudge_delivery d
            where d.workspace_id = (select id from workspace where platform = $1 and external_id = $2)
              and d.status = 'pending' and d.next_attempt_at <= $3
            order by d.next_attempt_at
            limit $4
            """);
        command.Parameters.AddWithValue(workspace.Platform == ChatPlatform.Slack ? "slack" : "teams");
        command.Parameters.AddWithValue(workspace.WorkspaceId);
        command.Parameters.AddWithValue(now.UtcDateTime);
        command.Parameters.AddWithValue(limit);
        var ids = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetGuid(0));
        }

        return [.. ids];
    }

    public async Task<List<(Guid Id, DateTimeOffset NextAttemptAt)>> StillPendingAsync(Guid[] ids, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("select id, next_attempt_at from nudge_delivery where id = any($1) and status = 'pending'");
        command.Parameters.AddWithValue(ids);
        var pending = new List<(Guid, DateTimeOffset)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            pending.Add((reader.GetGuid(0), reader.GetFieldValue<DateTimeOffset>(1)));
        }

        return pending;
    }

    public Task MarkUnreachableAsync(long personId, string reason, CancellationToken cancellationToken) =>
        ExecuteAsync("update person set reachable = false, unreachable_reason = $2, updated_at = now() where id = $1", cancellationToken, personId, reason);

    public Task DisableWorkspaceAsync(PersonKey person, string reason, CancellationToken cancellationToken) =>
        ExecuteAsync("""
            update workspace set disabled_at = coalesce(disabled_at, now()), disabled_reason = coalesce(disabled_reason, $3)
            where platform = $1 and external_id = $2
            """, cancellationToken, person.Platform == ChatPlatform.Slack ? "slack" : "teams", person.WorkspaceId, reason);

    // An outcome write: counted once, by the owner whose guarded update landed; 'pending' again is a retry.
    private async Task TransitionAsync(string sql, CancellationToken cancellationToken, params object?[] values)
    {
        await using var command = dataSource.CreateCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (await reader.ReadAsync(cancellationToken))
        {
            metrics?.Nudge(reader.GetString(1), reader.GetString(0) is "pending" ? "retry" : reader.GetString(0));
        }
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken, params object?[] values)
    {
        await using var command = dataSource.CreateCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
