using CoachBot.Jobs.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CoachBot.Jobs.Nudges;

/// <summary>
/// Runs the nudge ticks and the sends they create inline, at the TimeProvider's current time, and says when nudge work
/// next falls due. For demo mode's fast-forward, which steps its clock through each due moment: left to Hangfire,
/// the sends would only run after the clock had jumped on, and be expired as late (Jobs:MaxLateness).
/// The send jobs the ticks also enqueue find these rows already sent and do nothing.
/// </summary>
public sealed class DueNudgeRunner(IServiceProvider services, NpgsqlDataSource dataSource, TimeProvider clock, IOptions<JobsOptions> options)
{
    private const int MaxSendRounds = 10;

    public async Task RunDueAsync(CancellationToken cancellationToken)
    {
        await services.GetRequiredService<DispatchNudgesJob>().RunAsync(cancellationToken);
        await services.GetRequiredService<FollowUpNudgesJob>().RunAsync(cancellationToken);
        for (var round = 0; round < MaxSendRounds; round++)
        {
            var due = await PendingDueAsync(clock.GetUtcNow(), cancellationToken);
            if (due.Count == 0)
            {
                return;
            }

            foreach (var batch in due.GroupBy(d => d.WorkspaceId).SelectMany(g => g.Select(d => d.Id).Chunk(options.Value.SendBatchSize)))
            {
                await services.GetRequiredService<SendDeliveryBatchJob>().RunAsync(batch, cancellationToken);
            }
        }
    }

    /// <summary>
    /// The earliest moment at or before <paramref name="until"/> when nudge work is due: a rep's next slot, an unanswered
    /// nudge's follow-up, a pending (re)try. A send another worker holds right now counts as due now, so the caller waits
    /// for it instead of moving the clock past its lease. Null when nothing falls due by then.
    /// </summary>
    public async Task<DateTimeOffset?> NextDueAsync(DateTimeOffset until, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            select least(
                (select min(next_due_at) from rep_schedule where not paused and not stopped and next_due_at <= $1),
                (select min(follow_up_due_at) from nudge_delivery
                 where kind = 'nudge' and status = 'sent' and answered_at is null and follow_up_due_at <= $1),
                (select min(next_attempt_at) from nudge_delivery where status = 'pending' and next_attempt_at <= $1),
                (select $2 from nudge_delivery where status = 'sending' and claimed_until >= $2 limit 1))
            """);
        var now = clock.GetUtcNow();
        command.Parameters.AddWithValue(until.UtcDateTime);
        command.Parameters.AddWithValue(now.UtcDateTime);
        var next = await command.ExecuteScalarAsync(cancellationToken);
        return next is DateTime at ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)) : null;
    }

    private async Task<List<NewDelivery>> PendingDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            select id, workspace_id from nudge_delivery where status = 'pending' and next_attempt_at <= $1
            order by next_attempt_at limit $2
            """);
        command.Parameters.AddWithValue(now.UtcDateTime);
        command.Parameters.AddWithValue(options.Value.DispatchBatchSize);
        var due = new List<NewDelivery>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            due.Add(new NewDelivery(reader.GetGuid(0), reader.GetInt64(1)));
        }

        return due;
    }
}
