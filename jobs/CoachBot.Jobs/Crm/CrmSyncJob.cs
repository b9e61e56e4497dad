using System.Diagnostics;
using CoachBot.Coaching.Chat;
using CoachBot.Coaching.Crm;
using CoachBot.Coaching.Escalations;
using CoachBot.Coaching.People;
using CoachBot.Jobs.Hosting;
using Hangfire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachBot.Jobs.Crm;

/// <summary>
/// One sync run of one connection (recurring job crm-sync-{id}): under the connection's lease, owners, then deals and
/// activities a page at a time, each page committed with the cursor after it, then every <see cref="ICrmSyncObserver"/>.
/// A run that stops part-way resumes at the stored page next time; a completed load leaves modified_since = its start
/// minus an overlap. Stop conditions are recorded in words; the admin hears once when only they can fix it.
/// </summary>
public sealed class CrmSyncJob(
    CrmConnections connections, CrmStore store, CrmSyncLease lease, IEnumerable<ICrmConnector> connectors, IEnumerable<ICrmSyncObserver> observers,
    ICrmSyncSchedule schedule, PersonDirectory people, ChatMessengers messengers, IOptions<CrmOptions> options, TimeProvider clock, ILogger<CrmSyncJob> logger)
{
    public const string Deals = "deals";
    public const string Activities = "activities";

    public static string RecurringId(long connectionId) => $"crm-sync-{connectionId}";

    // Runs recur every few minutes and resume where they stopped, so a failed run is recorded, not retried by Hangfire.
    [Queue(JobQueues.Default)]
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(long connectionId, CancellationToken cancellationToken)
    {
        if (await connections.GetAsync(connectionId, cancellationToken) is not { } state)
        {
            schedule.Unschedule(connectionId);
            return;
        }

        var connection = state.Connection;
        if (state.Status != "active")
        {
            return;
        }

        if (connectors.LastOrDefault(c => c.Kind == connection.Kind) is not { NotConfiguredReason: null } connector)
        {
            var reason = connectors.LastOrDefault(c => c.Kind == connection.Kind)?.NotConfiguredReason ?? $"No {connection.Kind} connector is configured on this CoachBot.";
            await connections.NoteErrorAsync(connectionId, reason, cancellationToken);
            return;
        }

        var me = $"{Environment.MachineName}/{Guid.NewGuid():N}";
        if (!await lease.TakeAsync(connectionId, me, options.Value.Lease, cancellationToken))
        {
            Log.Busy(logger, connectionId);
            return;
        }

        TimeSpan? holdFor = null;
        try
        {
            var runStarted = clock.GetUtcNow();
            var watch = Stopwatch.StartNew();
            await store.SaveOwnersAsync(connection, await connector.OwnersAsync(connection, cancellationToken), cancellationToken);
            var deals = await LoadAsync(connectionId, Deals, me, c => connector.DealsAsync(connection, c, cancellationToken),
                (items, next) => store.SaveDealsAsync(connectionId, items, next, cancellationToken), cancellationToken);
            var activities = await LoadAsync(connectionId, Activities, me, c => connector.ActivitiesAsync(connection, c, cancellationToken),
                (items, next) => store.SaveActivitiesAsync(connectionId, items, next, cancellationToken), cancellationToken);
            await connections.SyncedAsync(connectionId, cancellationToken);
            Log.Synced(logger, connectionId, deals, activities, watch.Elapsed);
            foreach (var observer in observers)
            {
                await observer.OnSyncedAsync(connection, runStarted, cancellationToken);
            }
        }
        catch (CrmException ex)
        {
            holdFor = await StoppedAsync(state, ex, cancellationToken);
        }
        catch (LeaseLostException)
        {
            Log.LeaseLost(logger, connectionId);
            return;
        }
        finally
        {
            await lease.ReleaseAsync(connectionId, me, holdFor, CancellationToken.None);
        }
    }

    private async Task<int> LoadAsync<T>(long connectionId, string objectName, string me, Func<CrmCursor, Task<CrmPage<T>>> read,
        Func<IReadOnlyList<T>, CrmCursor, Task> save, CancellationToken cancellationToken)
    {
        var cursor = await store.CursorAsync(connectionId, objectName, cancellationToken);
        DateTimeOffset started;
        if (cursor.Page is null)
        {
            started = clock.GetUtcNow();
            await lease.StartLoadAsync(connectionId, objectName, started, cancellationToken);
        }
        else
        {
            // Resuming a load a crash or a limit interrupted: its cursor must cover what changed since it first began.
            started = await lease.LoadStartedAsync(connectionId, objectName, cancellationToken) ?? clock.GetUtcNow();
        }

        var count = 0;
        while (true)
        {
            var page = await read(cursor);
            count += page.Items.Count;
            if (page.Next is null)
            {
                await save(page.Items, new CrmCursor(started - options.Value.CursorOverlap, null));
                return count;
            }

            cursor = cursor with { Page = page.Next };
            await save(page.Items, cursor);
            if (!await lease.RenewAsync(connectionId, me, options.Value.Lease, cancellationToken))
            {
                throw new LeaseLostException();
            }
        }
    }

    private async Task<TimeSpan?> StoppedAsync(CrmConnectionState state, CrmException ex, CancellationToken cancellationToken)
    {
        var id = state.Connection.Id;
        Log.Stopped(logger, id, ex.Failure);
        switch (ex.Failure)
        {
            case CrmFailure.LimitReached:
                await connections.NoteErrorAsync(id, ex.Message, cancellationToken);
                var wait = ex.RetryAfter ?? options.Value.SyncEvery;
                schedule.RunAfter(id, wait);
                return wait;
            case CrmFailure.Unauthorized or CrmFailure.PermissionMissing:
                if (await connections.FailAsync(id, ex.Message, cancellationToken) && state.CreatedBy is { } adminId)
                {
                    await TellAdminAsync(id, adminId, $"I stopped syncing {CrmCommandParser.Name(state.Connection.Kind)}: {ex.Message}", cancellationToken);
                }

                return null;
            default:
                await connections.NoteErrorAsync(id, ex.Message, cancellationToken);
                return null;
        }
    }

    private async Task TellAdminAsync(long connectionId, long adminId, string text, CancellationToken cancellationToken)
    {
        if (await people.GetAsync(adminId, cancellationToken) is not { } admin)
        {
            return;
        }

        try
        {
            await messengers.For(admin.Key.Platform).SendDirectAsync(admin.Key, CoachMessage.Plain(text), cancellationToken);
        }
        catch (ChatDeliveryException ex)
        {
            Log.AdminNotTold(logger, connectionId, ex.Code);
        }
    }

    private sealed class LeaseLostException : Exception;
}
