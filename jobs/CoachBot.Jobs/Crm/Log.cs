using CoachBot.Coaching.Crm;
using Microsoft.Extensions.Logging;

namespace CoachBot.Jobs.Crm;

internal static partial class Log
{
    [LoggerMessage(EventId = 1615, Level = LogLevel.Information, Message = "CRM sync of connection {ConnectionId} done: {Deals} deals and {Activities} activities read in {Elapsed}")]
    public static partial void Synced(ILogger logger, long connectionId, int deals, int activities, TimeSpan elapsed);

    [LoggerMessage(EventId = 1616, Level = LogLevel.Information, Message = "CRM connection {ConnectionId} is being synced elsewhere (or waits for its allowance); this run skips it")]
    public static partial void Busy(ILogger logger, long connectionId);

    [LoggerMessage(EventId = 1617, Level = LogLevel.Warning, Message = "CRM sync of connection {ConnectionId} stopped: {Failure}")]
    public static partial void Stopped(ILogger logger, long connectionId, CrmFailure failure);

    [LoggerMessage(EventId = 1618, Level = LogLevel.Warning, Message = "CRM connection {ConnectionId}: the admin could not be told it failed ({Code})")]
    public static partial void AdminNotTold(ILogger logger, long connectionId, string code);

    [LoggerMessage(EventId = 1619, Level = LogLevel.Error, Message = "Could not register the CRM sync jobs")]
    public static partial void RegistrationFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1609, Level = LogLevel.Warning, Message = "CRM connection {ConnectionId}: another instance took the lease mid-run; this run stops")]
    public static partial void LeaseLost(ILogger logger, long connectionId);
}
