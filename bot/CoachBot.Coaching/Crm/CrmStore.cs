using Npgsql;
using NpgsqlTypes;

namespace CoachBot.Coaching.Crm;

/// <summary>
/// Writes what a sync reads (crm_owner, crm_deal, crm_activity, crm_sync_state; migration 1600). Each page is one
/// transaction together with the cursor that follows it, so a crash replays at most one page, and a replay changes
/// nothing (upserts keyed by the CRM's ids; an older copy of a row never overwrites a newer one).
/// </summary>
public sealed class CrmStore(NpgsqlDataSource dataSource, TimeProvider clock)
{
    /// <summary>The cursor of one object's sync (owners, deals, activities); a fresh connection starts with a full load.</summary>
    public async Task<CrmCursor> CursorAsync(long connectionId, string objectName, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "select modified_since, next_page from crm_sync_state where connection_id = $1 and object = $2");
        command.Parameters.AddWithValue(connectionId);
        command.Parameters.AddWithValue(objectName);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return new CrmCursor(null, null);
        }

        return new CrmCursor(
            reader.IsDBNull(0) ? null : new DateTimeOffset(reader.GetDateTime(0), TimeSpan.Zero),
            reader.IsDBNull(1) ? null : reader.GetString(1));
    }

    /// <summary>
    /// Records every owner and matches each to a person of the workspace by email: exactly one person with that email,
    /// never a guess, and never an owner whose rep deleted their data. Returns how many owners are matched.
    /// </summary>
    public async Task<int> SaveOwnersAsync(CrmConnection connection, IReadOnlyList<CrmOwner> owners, CancellationToken cancellationToken)
    {
        var unique = owners.DistinctBy(o => o.Id).ToList();
        await using var db = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        // Two statements: an UPDATE cannot see rows inserted by a CTE of the same statement.
        await using (var save = new NpgsqlCommand("""
            insert into crm_owner (connection_id, external_id, email, name)
            select $1, u.id, lower(nullif(u.email, '')), u.name from unnest($2::text[], $3::text[], $4::text[]) as u(id, email, name)
            on conflict (connection_id, external_id) do update set email = excluded.email, name = excluded.name
                where crm_owner.email is distinct from excluded.email or crm_owner.name is distinct from excluded.name
            """, db, transaction))
        {
            save.Parameters.AddWithValue(connection.Id);
            save.Parameters.AddWithValue(unique.Select(o => o.Id).ToArray());
            AddText(save, unique.Select(o => o.Email));
            AddText(save, unique.Select(o => o.Name));
            await save.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var match = new NpgsqlCommand("""
            with m as (
                select o.external_id,
                       (select min(p.id) from person p where p.workspace_id = $2 and lower(p.email) = o.email having count(*) = 1) as person_id
                from crm_owner o where o.connection_id = $1 and not o.excluded)
            update crm_owner o set person_id = m.person_id
            from m where o.connection_id = $1 and o.external_id = m.external_id and o.person_id is distinct from m.person_id
            """, db, transaction);
        match.Parameters.AddWithValue(connection.Id);
        match.Parameters.AddWithValue(connection.WorkspaceId);
        await match.ExecuteNonQueryAsync(cancellationToken);
        await using var count = new NpgsqlCommand("select count(*)::int from crm_owner where connection_id = $1 and person_id is not null", db, transaction);
        count.Parameters.AddWithValue(connection.Id);
        var matched = (int)(await count.ExecuteScalarAsync(cancellationToken))!;
        await transaction.CommitAsync(cancellationToken);
        return matched;
    }

    /// <summary>
    /// Upserts a page of deals and moves the deals cursor in one transaction. A close date that changes on an open deal
    /// counts as a move; a stage change the CRM does not date is dated now. Deals of an excluded owner are not kept.
    /// </summary>
    public async Task SaveDealsAsync(long connectionId, IReadOnlyList<CrmDeal> deals, CrmCursor next, CancellationToken cancellationToken)
    {
        // One page may list a deal twice (it changed while being paged): keep its newest copy, as ON CONFLICT needs.
        var page = deals.GroupBy(d => d.Id).Select(g => g.MaxBy(d => d.ModifiedAt)!).ToList();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (page.Count > 0)
        {
            await using var upsert = new NpgsqlCommand("""
                insert into crm_deal (connection_id, external_id, owner_external_id, name, amount, currency, stage, status, close_date,
                                      created_at_crm, stage_changed_at, closed_at, last_activity_at, modified_at, synced_at)
                select $1, u.id, u.owner, u.name, u.amount, u.currency, u.stage, u.status, u.close_date,
                       u.created, u.stage_changed, u.closed, u.last_activity, u.modified, $15
                from unnest($2::text[], $3::text[], $4::text[], $5::numeric[], $6::text[], $7::text[], $8::text[], $9::date[],
                            $10::timestamptz[], $11::timestamptz[], $12::timestamptz[], $13::timestamptz[], $14::timestamptz[])
                     as u(id, owner, name, amount, currency, stage, status, close_date, created, stage_changed, closed, last_activity, modified)
                where not exists (select 1 from crm_owner o where o.connection_id = $1 and o.external_id = u.owner and o.excluded)
                on conflict (connection_id, external_id) do update set
                    owner_external_id = excluded.owner_external_id, name = excluded.name, amount = excluded.amount,
                    currency = excluded.currency, status = excluded.status,
                    close_date_moves = crm_deal.close_date_moves
                        + case when crm_deal.status = 'open' and crm_deal.close_date is not null
                                    and excluded.close_date is distinct from crm_deal.close_date then 1 else 0 end,
                    close_date = excluded.close_date,
                    stage_changed_at = coalesce(excluded.stage_changed_at,
                        case when excluded.stage is distinct from crm_deal.stage then excluded.synced_at else crm_deal.stage_changed_at end),
                    stage = excluded.stage, created_at_crm = excluded.created_at_crm, closed_at = excluded.closed_at,
                    last_activity_at = excluded.last_activity_at, modified_at = excluded.modified_at, synced_at = excluded.synced_at
                where excluded.modified_at >= crm_deal.modified_at
                """, connection, transaction);
            upsert.Parameters.AddWithValue(connectionId);
            upsert.Parameters.AddWithValue(page.Select(d => d.Id).ToArray());
            AddText(upsert, page.Select(d => d.OwnerId));
            upsert.Parameters.AddWithValue(page.Select(d => d.Name).ToArray());
            upsert.Parameters.Add(new NpgsqlParameter { Value = page.Select(d => d.Amount).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Numeric });
            AddText(upsert, page.Select(d => d.Currency));
            upsert.Parameters.AddWithValue(page.Select(d => d.Stage).ToArray());
            upsert.Parameters.AddWithValue(page.Select(d => Status(d.Status)).ToArray());
            upsert.Parameters.Add(new NpgsqlParameter { Value = page.Select(d => d.CloseDate).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Date });
            AddTimes(upsert, page.Select(d => (DateTimeOffset?)d.CreatedAt));
            AddTimes(upsert, page.Select(d => d.StageChangedAt));
            AddTimes(upsert, page.Select(d => d.ClosedAt));
            AddTimes(upsert, page.Select(d => d.LastActivityAt));
            AddTimes(upsert, page.Select(d => (DateTimeOffset?)d.ModifiedAt));
            upsert.Parameters.AddWithValue(clock.GetUtcNow().UtcDateTime);
            await upsert.ExecuteNonQueryAsync(cancellationToken);
        }

        await MoveCursorAsync(connection, transaction, connectionId, "deals", next, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Upserts a page of activities and moves the activities cursor in one transaction.</summary>
    public async Task SaveActivitiesAsync(long connectionId, IReadOnlyList<CrmActivity> activities, CrmCursor next, CancellationToken cancellationToken)
    {
        var page = activities.GroupBy(a => a.Id).Select(g => g.MaxBy(a => a.ModifiedAt)!).ToList();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (page.Count > 0)
        {
            await using var upsert = new NpgsqlCommand("""
                insert into crm_activity (connection_id, external_id, kind, owner_external_id, deal_external_id, occurred_at, modified_at)
                select $1, u.id, u.kind, u.owner, u.deal, u.occurred, u.modified
                from unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::timestamptz[]) as u(id, kind, owner, deal, occurred, modified)
                where not exists (select 1 from crm_owner o where o.connection_id = $1 and o.external_id = u.owner and o.excluded)
                on conflict (connection_id, external_id) do update set kind = excluded.kind, owner_external_id = excluded.owner_external_id,
                    deal_external_id = excluded.deal_external_id, occurred_at = excluded.occurred_at, modified_at = excluded.modified_at
                where excluded.modified_at >= crm_activity.modified_at
                """, connection, transaction);
            upsert.Parameters.AddWithValue(connectionId);
            upsert.Parameters.AddWithValue(page.Select(a => a.Id).ToArray());
            upsert.Parameters.AddWithValue(page.Select(a => a.Kind.ToString().ToLowerInvariant()).ToArray());
            AddText(upsert, page.Select(a => a.OwnerId));
            AddText(upsert, page.Select(a => a.DealId));
            AddTimes(upsert, page.Select(a => (DateTimeOffset?)a.OccurredAt));
            AddTimes(upsert, page.Select(a => (DateTimeOffset?)a.ModifiedAt));
            await upsert.ExecuteNonQueryAsync(cancellationToken);
        }

        await MoveCursorAsync(connection, transaction, connectionId, "activities", next, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Sets a cursor outside a page (a load that starts, or one that completed with an empty last page).</summary>
    public async Task SetCursorAsync(long connectionId, string objectName, CrmCursor cursor, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await MoveCursorAsync(connection, null, connectionId, objectName, cursor, cancellationToken);
    }

    internal static string Status(CrmDealStatus status) => status switch
    {
        CrmDealStatus.Won => "won",
        CrmDealStatus.Lost => "lost",
        _ => "open",
    };

    private static async Task MoveCursorAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, long connectionId, string objectName, CrmCursor cursor,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            insert into crm_sync_state (connection_id, object, modified_since, next_page) values ($1, $2, $3, $4)
            on conflict (connection_id, object) do update set modified_since = excluded.modified_since, next_page = excluded.next_page
            """, connection, transaction);
        command.Parameters.AddWithValue(connectionId);
        command.Parameters.AddWithValue(objectName);
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)cursor.ModifiedSince?.UtcDateTime ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)cursor.Page ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void AddText(NpgsqlCommand command, IEnumerable<string?> values) =>
        command.Parameters.Add(new NpgsqlParameter { Value = values.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });

    private static void AddTimes(NpgsqlCommand command, IEnumerable<DateTimeOffset?> values) =>
        command.Parameters.Add(new NpgsqlParameter
        {
            Value = values.Select(v => v?.UtcDateTime).ToArray(),
            NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz,
        });
}
