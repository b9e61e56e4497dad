using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using CoachBot.Jobs.Hosting;
using Npgsql;

namespace CoachBot.Jobs.Nudges;

/// <summary>
/// The once-a-minute follow-up tick ("follow-up-nudges"): sent nudges still unanswered at their follow-up time get
/// exactly one follow-up row (unique parent_id), sent like any delivery. The sender re-checks "answered" just before
/// sending, so an answer that lands in between still cancels it.
/// </summary>
internal sealed class FollowUpNudgesJob(
    NpgsqlDataSource dataSource, SendBatches batches, TimeProvider clock, IOptions<JobsOptions> options, ILogger<FollowUpNudgesJob> logger)
{
    public const string RecurringId = "follow-up-nudges";

    private const int MaxRounds = 100;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var created = 0;
        for (var round = 0; round < MaxRounds; round++)
        {
            var (taken, rows) = await CreateFollowUpsAsync(options.Value.DispatchBatchSize, cancellationToken);
            created += rows.Count;
            batches.Enqueue(rows);
            if (taken < options.Value.DispatchBatchSize)
            {
                break;
            }
        }

        if (created > 0)
        {
            Log.FollowUpsCreated(logger, created);
        }
    }

    private async Task<(int Taken, List<NewDelivery> Created)> CreateFollowUpsAsync(int limit, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // Clearing follow_up_due_at under SKIP LOCKED takes each nudge once; paused or stopped reps simply get none.
        await using var command = dataSource.CreateCommand("""
            with src as (
                select n.id, n.person_id, n.workspace_id, n.platform, n.follow_up_due_at as due,
                       coalesce(not s.paused and not s.stopped, false) as active
                from nudge_delivery n left join rep_schedule s on s.person_id = n.person_id
                where n.kind = 'nudge' and n.status = 'sent' and n.answered_at is null and n.follow_up_due_at <= $1
                order by n.follow_up_due_at limit $2 for update of n skip locked),
            cleared as (
                update nudge_delivery d set follow_up_due_at = null, updated_at = now() from src where d.id = src.id
                returning src.*),
            created as (
                insert into nudge_delivery (id, person_id, workspace_id, platform, kind, slot_at, parent_id, next_attempt_at)
                select gen_random_uuid(), person_id, workspace_id, platform, 'follow_up', due, id, $1 from cleared where active
                on conflict do nothing
                returning id, workspace_id)
            select (select count(*) from cleared)::int, id, workspace_id from created
            union all
            select (select count(*) from cleared)::int, null, null where not exists (select 1 from created)
            """);
        command.Parameters.AddWithValue(now);
        command.Parameters.AddWithValue(limit);
        var taken = 0;
        var rows = new List<NewDelivery>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            taken = reader.GetInt32(0);
            if (!reader.IsDBNull(1))
            {
                rows.Add(new NewDelivery(reader.GetGuid(1), reader.GetInt64(2)));
            }
        }

        return (taken, rows);
    }
}
