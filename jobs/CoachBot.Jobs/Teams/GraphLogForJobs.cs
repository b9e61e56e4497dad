using CoachBot.Platforms.Teams.Graph;
using Microsoft.Extensions.Logging;

namespace CoachBot.Jobs.Teams;

// Event ids 4300–4319: installing the Teams app through Graph. Ids and codes only.
internal static partial class GraphLogForJobs
{
    [LoggerMessage(EventId = 4300, Level = LogLevel.Information, Message = "Teams app installed for person {PersonId} (new install: {Created}); their chat is stored")]
    public static partial void Installed(ILogger logger, long personId, bool created);

    [LoggerMessage(EventId = 4301, Level = LogLevel.Warning, Message = "Installing the Teams app for person {PersonId} failed: {Failure} {Code}")]
    public static partial void InstallFailed(ILogger logger, long personId, GraphFailure failure, string code);

    [LoggerMessage(EventId = 4302, Level = LogLevel.Warning, Message = "Could not tell admin {PersonId} how the Teams install went: {Code}")]
    public static partial void ReportNotDelivered(ILogger logger, long personId, string code);

    [LoggerMessage(EventId = 4303, Level = LogLevel.Information, Message = "A roster row of workspace {WorkspaceId}'s Teams tenant is person {PersonId} now")]
    public static partial void RosterResolved(ILogger logger, long workspaceId, long personId);

    [LoggerMessage(EventId = 4304, Level = LogLevel.Warning, Message = "Looking a roster email of workspace {WorkspaceId} up in Graph failed: {Failure} {Code}")]
    public static partial void RosterLookupFailed(ILogger logger, long workspaceId, GraphFailure failure, string code);
}
