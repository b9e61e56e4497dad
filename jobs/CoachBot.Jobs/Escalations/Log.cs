using Microsoft.Extensions.Logging;

namespace CoachBot.Jobs.Escalations;

internal static partial class Log
{
    [LoggerMessage(EventId = 5501, Level = LogLevel.Error, Message = "Could not register recurring job {JobId}")]
    public static partial void RecurringRegistrationFailed(ILogger logger, Exception exception, string jobId);

    [LoggerMessage(EventId = 5502, Level = LogLevel.Information, Message = "Missed-nudges check: {Raised} reps with a run of missed nudges")]
    public static partial void MissedNudgesChecked(ILogger logger, int raised);
}
