using System.Text.Encodings.Web;
using System.Text.Json;
using Dapper;
using Npgsql;

namespace CoachBot.Coaching.Privacy;

/// <summary>Everything stored about a rep, for `my data`, `export my data` and `delete my data`.</summary>
public sealed class RepDataStore(NpgsqlDataSource dataSource)
{
    /// <param name="ChannelReaders">Everyone who can read the managers' channel (its guard keeps out anyone who is not a manager).</param>
    public sealed record Summary(
        int Replies, int Responses, int SharedEscalations, bool HasProfile, IReadOnlyList<ManagerView> Views, IReadOnlyList<string> ChannelReaders)
    {
        public int Goals { get; init; }

        public int ProgressEntries { get; init; }

        /// <summary>Null when no CRM owner is matched to the rep: they have no CRM data at all.</summary>
        public CrmHeld? Crm { get; init; }
    }

    /// <summary>What CoachBot holds from the rep's CRM: deals by status and activities by kind (counts only).</summary>
    public sealed record CrmHeld(int OpenDeals, int ClosedDeals, IReadOnlyDictionary<string, int> ActivitiesByKind);

    /// <summary>One audit line about the rep; <paramref name="Manager"/> is null for a post to the managers' channel.</summary>
    public sealed record ManagerView(string? Manager, string Action, string? Detail, DateTime At);

    public async Task<Summary> GetSummaryAsync(long personId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var counts = await connection.QuerySingleAsync<(long Replies, long Responses, long Shared, bool HasProfile, long Goals, long Progress)>(new CommandDefinition("""
            select (select count(*) from rep_reply where person_id = @personId),
                   (select count(*) from nudge_response where person_id = @personId),
                   (select count(*) from escalation_offer where person_id = @personId and status = 'shared'),
                   exists(select 1 from rep_profile where person_id = @personId),
                   (select count(*) from rep_goal where person_id = @personId and removed_at is null),
                   (select count(*) from goal_progress where person_id = @personId)
            """, new { personId }, cancellationToken: cancellationToken));
        var views = await connection.QueryAsync<ManagerView>(new CommandDefinition("""
            select case when a.actor_id is null then null else coalesce(nullif(m.display_name, ''), 'a manager') end as manager,
                   a.action, a.detail, a.at
            from audit_entry a left join person m on m.id = a.actor_id
            where a.subject_id = @personId and a.action = any(@actions) and a.outcome = 'ok' and a.actor_id is distinct from @personId
            order by a.at desc, a.id desc limit 20
            """, new { personId, actions = PrivacyAuditActions.SeenByManagers.ToArray() }, cancellationToken: cancellationToken));
        var readers = await connection.QueryAsync<string>(new CommandDefinition("""
            select coalesce(nullif(m.display_name, ''), 'a manager') from person m join person r on r.workspace_id = m.workspace_id
            where r.id = @personId and m.role in ('manager', 'admin') and m.id <> r.id order by 1
            """, new { personId }, cancellationToken: cancellationToken));
        return new Summary((int)counts.Replies, (int)counts.Responses, (int)counts.Shared, counts.HasProfile, views.ToList(), readers.ToList())
        {
            Goals = (int)counts.Goals,
            ProgressEntries = (int)counts.Progress,
            Crm = await CrmHeldAsync(connection, personId, cancellationToken),
        };
    }

    private static async Task<CrmHeld?> CrmHeldAsync(NpgsqlConnection connection, long personId, CancellationToken cancellationToken)
    {
        // One row per kind of thing held ('owner', 'deal:open', 'activity:call', …); no rows at all: no matched owner.
        var rows = (await connection.QueryAsync<(string What, long Count)>(new CommandDefinition("""
            select 'owner', count(*) from crm_owner where person_id = @personId and not excluded having count(*) > 0
            union all
            select 'deal:' || d.status, count(*) from crm_owner o join crm_deal d on d.connection_id = o.connection_id and d.owner_external_id = o.external_id
            where o.person_id = @personId and not o.excluded group by d.status
            union all
            select 'activity:' || a.kind, count(*) from crm_owner o join crm_activity a on a.connection_id = o.connection_id and a.owner_external_id = o.external_id
            where o.person_id = @personId and not o.excluded group by a.kind
            """, new { personId }, cancellationToken: cancellationToken))).ToDictionary(r => r.What, r => (int)r.Count);
        if (rows.Count == 0)
        {
            return null;
        }

        return new CrmHeld(rows.GetValueOrDefault("deal:open"), rows.GetValueOrDefault("deal:won") + rows.GetValueOrDefault("deal:lost"),
            rows.Where(r => r.Key.StartsWith("activity:", StringComparison.Ordinal)).OrderBy(r => r.Key, StringComparer.Ordinal)
                .ToDictionary(r => r.Key["activity:".Length..], r => r.Value));
    }

    /// <summary>A JSON document with every row about the rep, built by PostgreSQL so nothing is left out by mapping.</summary>
    public async Task<string> ExportJsonAsync(long personId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var json = await connection.ExecuteScalarAsync<string>(new CommandDefinition("""
            select json_build_object(
                'person', (select json_build_object('display_name', display_name, 'email', email, 'time_zone', time_zone, 'locale', locale)
                           from person where id = @personId),
                'profile', (select row_to_json(p) from rep_profile p where person_id = @personId),
                'schedule', (select row_to_json(s) from rep_schedule s where person_id = @personId),
                'replies', (select coalesce(json_agg(json_build_object('at', received_at, 'text', body, 'truncated', truncated) order by received_at), '[]')
                            from rep_reply where person_id = @personId),
                'nudge_responses', (select coalesce(json_agg(r order by first_answered_at), '[]') from nudge_response r where person_id = @personId),
                'nudges_received', (select coalesce(json_agg(json_build_object('at', sent_at, 'intent', intent_id, 'style', style, 'response', response, 'confidence', confidence) order by sent_at), '[]')
                                    from nudge_history where person_id = @personId),
                'goals', (select coalesce(json_agg(json_build_object('metric', metric, 'period', period, 'target', target, 'set_by', set_by, 'set_at', set_at, 'removed_at', removed_at) order by set_at), '[]')
                          from rep_goal where person_id = @personId),
                'goal_progress', (select coalesce(json_agg(json_build_object('metric', metric, 'amount', amount, 'on', occurred_on, 'source', source) order by occurred_on, id), '[]')
                                  from goal_progress where person_id = @personId),
                'goal_proposals', (select coalesce(json_agg(json_build_object('metric', metric, 'period', period, 'target', target, 'status', status, 'at', proposed_at) order by proposed_at), '[]')
                                   from goal_proposal where person_id = @personId),
                'crm_deals', (select coalesce(json_agg(json_build_object('name', d.name, 'amount', d.amount, 'currency', d.currency, 'stage', d.stage,
                                  'status', d.status, 'close_date', d.close_date, 'close_date_moves', d.close_date_moves, 'created', d.created_at_crm,
                                  'stage_changed', d.stage_changed_at, 'closed', d.closed_at, 'last_activity', d.last_activity_at) order by d.created_at_crm), '[]')
                              from crm_owner o join crm_deal d on d.connection_id = o.connection_id and d.owner_external_id = o.external_id
                              where o.person_id = @personId and not o.excluded),
                'crm_activity_counts', (select coalesce(json_object_agg(k.kind, k.n), '{}') from (
                                  select a.kind, count(*) as n from crm_owner o join crm_activity a on a.connection_id = o.connection_id and a.owner_external_id = o.external_id
                                  where o.person_id = @personId and not o.excluded group by a.kind) k),
                'crm_race_suggestion', (select json_build_object('race', race, 'from_race', from_race, 'median_days', median_days, 'won_deals', won_deals,
                                  'status', status, 'at', suggested_at) from crm_race_suggestion where person_id = @personId),
                'shared_with_manager', (select coalesce(json_agg(json_build_object('escalation', escalation_ref, 'reason', reason, 'note_shared', note_shared, 'at', decided_at)), '[]')
                                        from escalation_offer where person_id = @personId and status = 'shared'),
                'seen_by_managers', (select coalesce(json_agg(json_build_object('action', a.action, 'at', a.at, 'manager', m.display_name) order by a.at), '[]')
                                     from audit_entry a left join person m on m.id = a.actor_id
                                     where a.subject_id = @personId and a.action = any(@actions)))::text
            """, new { personId, actions = PrivacyAuditActions.SeenByManagers.ToArray() }, cancellationToken: cancellationToken));
        await AuditAsync(connection, null, personId, PrivacyAuditActions.DataExported, null, cancellationToken);
        using var document = JsonDocument.Parse(json!);
        return JsonSerializer.Serialize(document.RootElement, Indented);
    }

    /// <summary>
    /// Deletes replies, responses, nudge history, offers, pause history, profile, schedule, goals and progress, shared
    /// words and the rep's CRM deals and activities in one transaction; keeps one audit line. Their CRM owner stays,
    /// unmatched and excluded, so the next sync neither matches them again nor copies their deals back.
    /// </summary>
    public async Task<int> DeleteAsync(long personId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var deleted = 0;
        foreach (var table in (string[])["rep_reply", "nudge_response", "nudge_history", "escalation_offer", "rep_pause_period", "rep_schedule", "rep_profile",
            "rep_goal", "goal_progress", "goal_proposal", "goal_notice", "nudge_deal_fact", "crm_fed_metric", "crm_race_suggestion"])
        {
            deleted += await connection.ExecuteAsync(new CommandDefinition(
                $"delete from {table} where person_id = @personId", new { personId }, transaction, cancellationToken: cancellationToken));
        }

        foreach (var table in (string[])["crm_deal", "crm_activity"])
        {
            deleted += await connection.ExecuteAsync(new CommandDefinition($"""
                delete from {table} t using crm_owner o
                where o.person_id = @personId and t.connection_id = o.connection_id and t.owner_external_id = o.external_id
                """, new { personId }, transaction, cancellationToken: cancellationToken));
        }

        deleted += await connection.ExecuteAsync(new CommandDefinition(
            "update crm_owner set excluded = true, person_id = null where person_id = @personId",
            new { personId }, transaction, cancellationToken: cancellationToken));

        // Escalations stay as managers' work items, but the rep's own words leave them too.
        deleted += await connection.ExecuteAsync(new CommandDefinition(
            "update escalation set shared_text = null where rep_id = @personId and shared_text is not null",
            new { personId }, transaction, cancellationToken: cancellationToken));

        await AuditAsync(connection, transaction, personId, PrivacyAuditActions.DataDeleted, $"{deleted} rows", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return deleted;
    }

    private static Task AuditAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, long personId, string action, string? detail, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            "insert into audit_entry (actor_id, action, subject_id, detail) values (@personId, @action, @personId, @detail)",
            new { personId, action, detail }, transaction, cancellationToken: cancellationToken));

    // Relaxed escaping keeps the rep's own words readable; renderers escape the QuoteBlock it is shown in.
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
