namespace CoachBot.Coaching.Crm;

/// <summary>
/// Told after a sync run of a connection committed (goal progress from the CRM, race suggestions). Called with the time
/// the run started, so an observer can work on what changed since its own last look; it must be idempotent, because a
/// crash after the sync and before the observer means the next run calls it again.
/// </summary>
public interface ICrmSyncObserver
{
    Task OnSyncedAsync(CrmConnection connection, DateTimeOffset runStartedAt, CancellationToken cancellationToken);
}
